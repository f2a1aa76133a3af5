using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn.Tests.Attestation;

[TestFixture]
public sealed class TrustAnchorEvaluatorTests
{
    private AttestationFixture _fixture = null!;
    private ECDsa _leafKey = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new AttestationFixture();
        _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    [TearDown]
    public void TearDown()
    {
        _leafKey.Dispose();
        _fixture.Dispose();
    }

    [Test]
    public void ChainsToAnchor_LeafIssuedByAnchor_IsTrue() =>
        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([_fixture.Issue(_leafKey)], [_fixture.Ca], AttestationFixture.Now), Is.True);

    [Test]
    public void ChainsToAnchor_NoAnchors_IsFalse() =>
        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([_fixture.Issue(_leafKey)], [], AttestationFixture.Now), Is.False);

    [Test]
    public void ChainsToAnchor_EmptyTrustPath_IsFalse() =>
        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([], [_fixture.Ca], AttestationFixture.Now), Is.False);

    [Test]
    public void ChainsToAnchor_OtherAnchor_IsFalse()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Attestation Root, O=Mfa.Sdk Tests, C=US", otherKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var impostor = request.CreateSelfSigned(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));

        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([_fixture.Issue(_leafKey)], [impostor], AttestationFixture.Now), Is.False);
    }

    [Test]
    public void ChainsToAnchor_SelfSignedRootInTrustPathButNotAnAnchor_IsFalse()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Other Root", otherKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var otherRoot = request.CreateSelfSigned(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));

        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([_fixture.Issue(_leafKey), _fixture.Ca], [otherRoot], AttestationFixture.Now), Is.False);
    }

    [Test]
    public void ChainsToAnchor_LeafExpiredAtTime_IsFalse()
    {
        var leaf = _fixture.Issue(_leafKey, notAfter: AttestationFixture.Now.AddDays(-1));

        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([leaf], [_fixture.Ca], AttestationFixture.Now), Is.False);
        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([leaf], [_fixture.Ca], AttestationFixture.Now.AddDays(-2)), Is.True);
    }

    [Test]
    public void ChainsToAnchor_ThroughIntermediateInTrustPath_IsTrue()
    {
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediate = _fixture.Issue(intermediateKey, "CN=Test Intermediate", isCa: true);
        var leafRequest = new CertificateRequest("CN=Leaf, OU=Authenticator Attestation, O=Mfa.Sdk Tests, C=US", _leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(intermediateKey), AttestationFixture.Now.AddDays(-1), AttestationFixture.Now.AddDays(1), [1, 2, 3]);

        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([leaf, intermediate], [_fixture.Ca], AttestationFixture.Now), Is.True);
        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([leaf], [_fixture.Ca], AttestationFixture.Now), Is.False);
    }

    [Test]
    public void ChainsToAnchor_LeafSignedByAnchorNameButOtherKey_IsFalse()
    {
        // A leaf whose issuer name is the anchor's but whose signature is by another key.
        using var forgerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Forged", _leafKey, HashAlgorithmName.SHA256);
        using var forged = request.Create(_fixture.Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(forgerKey), AttestationFixture.Now.AddDays(-1), AttestationFixture.Now.AddDays(1), [9]);

        Assert.That(TrustAnchorEvaluator.ChainsToAnchor([forged], [_fixture.Ca], AttestationFixture.Now), Is.False);
    }
}
