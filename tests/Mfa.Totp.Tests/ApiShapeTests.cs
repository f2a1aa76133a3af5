using Mfa.Totp.Codes;

namespace Mfa.Totp.Tests;

/// <summary>The public surface of Mfa.Totp is deliberate: any change must update PublicApi/Mfa.Totp.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    private static readonly Type[] s_exported = typeof(TotpCode).Assembly.GetExportedTypes();

    [Test]
    public void ExportedTypes_MatchPublicApiFile()
    {
        var expected = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", "Mfa.Totp.txt"))
            .Where(line => line.Length > 0);
        var actual = s_exported.Select(t => t.FullName!).Order(StringComparer.Ordinal);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void ExportedClasses_AreSealedOrStatic()
    {
        var open = s_exported.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);
        Assert.That(open, Is.Empty);
    }
}
