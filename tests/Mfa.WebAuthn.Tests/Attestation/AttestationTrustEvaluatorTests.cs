using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn.Tests.Attestation;

/// <summary>Trust evaluation with and without an <see cref="IAuthenticatorTrustSource"/> (FIDO metadata).</summary>
[TestFixture]
public sealed class AttestationTrustEvaluatorTests
{
    private static readonly Guid s_aaguid = Guid.Parse("2fc0579f-8113-47ea-b116-bb5a8db9202a");
    private static readonly Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> s_none = [];
    private AttestationFixture _fixture = null!;
    private ECDsa _leafKey = null!;
    private X509Certificate2 _leaf = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new AttestationFixture();
        _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _leaf = _fixture.Issue(_leafKey);
    }

    [TearDown]
    public void TearDown()
    {
        _leaf.Dispose();
        _leafKey.Dispose();
        _fixture.Dispose();
    }

    [Test]
    public void Evaluate_NoSourceNoAnchors_TrustedIsNull()
    {
        var outcome = AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], s_none, null, AttestationFixture.Now);

        Assert.That((outcome.Succeeded, outcome.Trusted, outcome.Model), Is.EqualTo((true, (bool?)null, (AuthenticatorModel?)null)));
    }

    [Test]
    public void Evaluate_NoSourceConfiguredAnchor_TodaysBehaviour()
    {
        var anchors = new Dictionary<Guid, IReadOnlyCollection<X509Certificate2>> { [s_aaguid] = [_fixture.Ca] };

        Assert.That(AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], anchors, null, AttestationFixture.Now).Trusted, Is.True);
    }

    [Test]
    public void Evaluate_ModelRootsChain_TrustedAndModelNamed()
    {
        var source = new Source(new AuthenticatorModel { Aaguid = s_aaguid, Description = "YubiKey 5 Series with NFC", AttestationRoots = [_fixture.Ca] });

        var outcome = AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], s_none, source, AttestationFixture.Now);

        Assert.That((outcome.Trusted, outcome.Model?.Description), Is.EqualTo(((bool?)true, "YubiKey 5 Series with NFC")));
    }

    [Test]
    public void Evaluate_ModelRootsDoNotChain_NotTrusted()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=Other", otherKey, HashAlgorithmName.SHA256).CreateSelfSigned(AttestationFixture.Now.AddYears(-1), AttestationFixture.Now.AddYears(1));
        var source = new Source(new AuthenticatorModel { Description = "Model", AttestationRoots = [other] });

        Assert.That(AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], s_none, source, AttestationFixture.Now).Trusted, Is.False);
    }

    [Test]
    public void Evaluate_RefusedModel_FailsAuthenticatorStatusRefusedNamingTheStatus()
    {
        var source = new Source(new AuthenticatorModel { Description = "Model", AttestationRoots = [_fixture.Ca], RefusedStatus = "REVOKED" });

        var outcome = AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], s_none, source, AttestationFixture.Now);

        Assert.That(outcome.Failure, Is.EqualTo(MfaFailureReason.AuthenticatorStatusRefused));
        Assert.That(outcome.Message, Does.Contain("REVOKED"));
    }

    [Test]
    public void Evaluate_U2fKey_AsksByKeyIdentifierOfTheAttestationCertificate()
    {
        var source = new Source(null);

        AttestationTrustEvaluator.Evaluate(Guid.Empty, [_leaf], s_none, source, AttestationFixture.Now);

#pragma warning disable CA5350 // FIDO metadata defines the key identifier as SHA-1 of the key.
        var expected = Convert.ToHexStringLower(SHA1.HashData(_leaf.PublicKey.EncodedKeyValue.RawData));
#pragma warning restore CA5350
        Assert.That(source.AskedKeyIdentifiers, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Evaluate_Fido2Key_DoesNotAskByKeyIdentifier()
    {
        var source = new Source(null);

        AttestationTrustEvaluator.Evaluate(s_aaguid, [_leaf], s_none, source, AttestationFixture.Now);

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
