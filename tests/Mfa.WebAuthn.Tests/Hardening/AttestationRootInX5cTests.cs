using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Tests.Attestation;

namespace Mfa.WebAuthn.Tests.Hardening;

/// <summary>
/// Issue #9: an attestation whose x5c carries its trusted root is refused (FIDO conformance F-10), through configured
/// anchors and through a trust source (the MDS-wired path); chains are built from the configured anchors only (a root
/// that x5c brings along never enters the chain's extra store). Tests marked "failed before the fix" reproduced the issue on the unfixed code.
/// </summary>
[TestFixture]
public sealed class AttestationRootInX5cTests : TrustEvaluationFixtureBase
{
    [TestCase("packed")]
    [TestCase("tpm")]
    [TestCase("apple")]
    [TestCase("fido-u2f")]
    [TestCase("android-safetynet")]
    public void Evaluate_ConfiguredRootInX5c_FailsInvalidAttestation(string format)
    {
        // Failed before the fix: the path was trusted.
        var anchors = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> { [Aaguid] = [Fixture.Ca] };

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf, Fixture.Ca], anchors, null, AttestationFixture.Now, format);

        Assert.That(outcome.Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Evaluate_MetadataRootInX5c_FailsInvalidAttestation()
    {
        // Failed before the fix.
        var source = new Metadata.FakeTrustSource(new AuthenticatorModel { Aaguid = Aaguid, Description = "Model", AttestationRoots = [Fixture.Ca] });

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf, Fixture.Ca], NoAnchors, source, AttestationFixture.Now, "packed");

        Assert.That(outcome.Failure, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public void Evaluate_AndroidKeyWithGoogleStyleFullChain_Trusted()
    {
        var anchors = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> { [Aaguid] = [Fixture.Ca] };

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf, Fixture.Ca], anchors, null, AttestationFixture.Now, "android-key");

        Assert.That((outcome.Succeeded, outcome.Trusted), Is.EqualTo((true, (bool?)true)));
    }

    [Test]
    public void Evaluate_LeafIsTheAnchorItself_Trusted()
    {
        // FIDO conformance P-3: a (self-signed) batch certificate listed as its own root in metadata is trusted.
        using var batch = new CertificateRequest(AttestationFixture.PackedSubject, LeafKey, HashAlgorithmName.SHA256).CreateSelfSigned(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));
        var anchors = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> { [Aaguid] = [batch] };

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [batch], anchors, null, AttestationFixture.Now, "packed");

        Assert.That((outcome.Succeeded, outcome.Trusted), Is.EqualTo((true, (bool?)true)));
    }

    [Test]
    public async Task CompleteEnrollment_PackedX5cWithItsRoot_FailsInvalidAttestation()
    {
        // Failed before the fix: the registration succeeded and was stored as trusted.
        using var certificates = new TestCertificates(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));
        using var host = new WebAuthnHarness(o =>
        {
            o.Attestation = AttestationConveyance.Direct;
            o.TrustAnchors = new Dictionary<Guid, IReadOnlyList<X509Certificate2>> { [Guid.Empty] = [certificates.Root] };
        }, now: AttestationFixture.Now);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, key, c =>
        {
            c.Format = "packed";
            c.Attestation = certificates;
            c.IncludeRootInX5c = true;
        });

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.InvalidAttestation));
    }

    [Test]
    public async Task CompleteEnrollment_PackedX5cWithoutRoot_SucceedsTrusted()
    {
        using var certificates = new TestCertificates(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));
        using var host = new WebAuthnHarness(o =>
        {
            o.Attestation = AttestationConveyance.Direct;
            o.RequireTrustedAttestation = true;
            o.TrustAnchors = new Dictionary<Guid, IReadOnlyList<X509Certificate2>> { [Guid.Empty] = [certificates.Root] };
        }, now: AttestationFixture.Now);
        using var key = new TestAuthenticator(WebAuthnHarness.Origin);

        var result = await host.EnrollAsync(WebAuthnHarness.Alice, key, c =>
        {
            c.Format = "packed";
            c.Attestation = certificates;
        });

        Assert.That(result.Succeeded, Is.True, result.Message);
    }
}
