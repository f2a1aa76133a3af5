using Mfa.Push.Transports.WebPush;

namespace Mfa.Push.Tests.Transports;

/// <summary>
/// The public surface of the transports (Mfa.Push.Transports.* sub-namespaces and their DI extensions) is deliberate:
/// any change must update Transports/PublicApi.Transports.txt. The package-wide list belongs to the package's own API-shape test.
/// </summary>
[TestFixture]
public sealed class TransportsApiShapeTests
{
    private static IEnumerable<Type> TransportTypes() => typeof(WebPushEncryption).Assembly.GetExportedTypes()
        .Where(t => (t.Namespace ?? "").StartsWith("Mfa.Push.Transports.", StringComparison.Ordinal)
            || t.FullName == "Microsoft.Extensions.DependencyInjection.PushTransportsServiceCollectionExtensions");

    [Test]
    public void GetExportedTypes_TransportSurface_MatchesTheApprovedList()
    {
        var approved = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Transports", "PublicApi.Transports.txt"))
            .Where(l => l.Length > 0).ToList();
        var actual = TransportTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        Assert.That(actual, Is.EqualTo(approved));
    }

    [Test]
    public void GetExportedTypes_TransportClasses_AreSealedOrStatic() =>
        Assert.That(TransportTypes().Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)), Is.Empty);
}
