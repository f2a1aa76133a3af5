using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Tests.Attestation;

/// <summary>
/// The setup trust-evaluation tests share: a fresh attestation CA (<see cref="AttestationFixture"/>) with one P-256
/// attestation certificate it issued, per test, and the AAGUID the anchors are configured for.
/// </summary>
public abstract class TrustEvaluationFixtureBase
{
    /// <summary>The authenticator model the anchors are configured for.</summary>
    protected static Guid Aaguid { get; } = Guid.Parse("2fc0579f-8113-47ea-b116-bb5a8db9202a");

    /// <summary>No configured trust anchors.</summary>
    protected static IReadOnlyDictionary<Guid, IReadOnlyCollection<X509Certificate2>> NoAnchors { get; } = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>>();

    /// <summary>The test's attestation CA.</summary>
    private protected AttestationFixture Fixture { get; private set; } = null!;

    /// <summary>The attestation certificate's key.</summary>
    protected ECDsa LeafKey { get; private set; } = null!;

    /// <summary>An attestation certificate <see cref="Fixture"/> issued for <see cref="LeafKey"/>.</summary>
    protected X509Certificate2 Leaf { get; private set; } = null!;

    [SetUp]
    public void SetUpAttestationCa()
    {
        Fixture = new AttestationFixture();
        LeafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Leaf = Fixture.Issue(LeafKey);
    }

    [TearDown]
    public void TearDownAttestationCa()
    {
        Leaf.Dispose();
        LeafKey.Dispose();
        Fixture.Dispose();
    }
}
