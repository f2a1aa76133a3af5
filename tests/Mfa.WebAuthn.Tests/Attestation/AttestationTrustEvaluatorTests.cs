using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn.Tests.Attestation;

/// <summary>Trust evaluation with and without an <see cref="IAuthenticatorTrustSource"/> (FIDO metadata).</summary>
[TestFixture]
public sealed class AttestationTrustEvaluatorTests : TrustEvaluationFixtureBase
{
    [Test]
    public void Evaluate_NoSourceNoAnchors_TrustedIsNull()
    {
        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], NoAnchors, null, AttestationFixture.Now);

        Assert.That((outcome.Succeeded, outcome.Trusted, outcome.Model), Is.EqualTo((true, (bool?)null, (AuthenticatorModel?)null)));
    }

    [Test]
    public void Evaluate_NoSourceConfiguredAnchor_TodaysBehaviour()
    {
        var anchors = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> { [Aaguid] = [Fixture.Ca] };

        Assert.That(AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], anchors, null, AttestationFixture.Now).Trusted, Is.True);
    }

    [Test]
    public void Evaluate_ModelRootsChain_TrustedAndModelNamed()
    {
        var source = new Source(new AuthenticatorModel { Aaguid = Aaguid, Description = "YubiKey 5 Series with NFC", AttestationRoots = [Fixture.Ca] });

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], NoAnchors, source, AttestationFixture.Now);

        Assert.That((outcome.Trusted, outcome.Model?.Description), Is.EqualTo(((bool?)true, "YubiKey 5 Series with NFC")));
    }

    [Test]
    public void Evaluate_ModelRootsDoNotChain_NotTrusted()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=Other", otherKey, HashAlgorithmName.SHA256).CreateSelfSigned(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));
        var source = new Source(new AuthenticatorModel { Description = "Model", AttestationRoots = [other] });

        Assert.That(AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], NoAnchors, source, AttestationFixture.Now).Trusted, Is.False);
    }

    [Test]
    public void Evaluate_RefusedModel_FailsAuthenticatorStatusRefusedNamingTheStatus()
    {
        var source = new Source(new AuthenticatorModel { Description = "Model", AttestationRoots = [Fixture.Ca], RefusedStatus = "REVOKED" });

        var outcome = AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], NoAnchors, source, AttestationFixture.Now);

        Assert.That(outcome.Failure, Is.EqualTo(MfaFailureReason.AuthenticatorStatusRefused));
        Assert.That(outcome.Message, Does.Contain("REVOKED"));
    }

    [Test]
    public void Evaluate_U2fKey_AsksByKeyIdentifierOfTheAttestationCertificate()
    {
        var source = new Source(null);

        AttestationTrustEvaluator.Evaluate(Guid.Empty, [Leaf], NoAnchors, source, AttestationFixture.Now);

#pragma warning disable CA5350 // FIDO metadata defines the key identifier as SHA-1 of the key.
        var expected = Convert.ToHexStringLower(SHA1.HashData(Leaf.PublicKey.EncodedKeyValue.RawData));
#pragma warning restore CA5350
        Assert.That(source.AskedKeyIdentifiers, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Evaluate_Fido2Key_DoesNotAskByKeyIdentifier()
    {
        var source = new Source(null);

        AttestationTrustEvaluator.Evaluate(Aaguid, [Leaf], NoAnchors, source, AttestationFixture.Now);

        Assert.That(source.AskedKeyIdentifiers, Is.Empty);
    }

    private sealed class Source(AuthenticatorModel? model) : IAuthenticatorTrustSource
    {
        public IReadOnlyList<string> AskedKeyIdentifiers { get; private set; } = [];

        public AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers)
        {
            AskedKeyIdentifiers = attestationCertificateKeyIdentifiers;
            return model;
        }
    }
}
