namespace Mfa.WebAuthn.Tests;

/// <summary>The public surface of Mfa.WebAuthn is deliberate: any change must update PublicApi/Mfa.WebAuthn.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    private static readonly Type[] s_exported = typeof(WebAuthnFactor).Assembly.GetExportedTypes();

    [Test]
    public void ExportedTypes_MatchPublicApiFile()
    {
        var expected = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", "Mfa.WebAuthn.txt"))
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
