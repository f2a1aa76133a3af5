using System.Text.Json;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.WebAuthn.Metadata.Tests.Integration;

/// <summary>Real registrations (YubiKey packed and fido-u2f) checked against verified metadata through <see cref="AttestationTrustCheck"/>.</summary>
[TestFixture]
public sealed class RegistrationWithMetadataTests
{
    private const string PackedYubiKey = "reg-pywebauthn-packed-yubikey-firefox";
    private const string U2fYubiKey = "reg-pywebauthn-fido-u2f-yubikey-firefox";
    private static readonly Guid s_securityKeyNfc = Guid.Parse("6d44ba9b-f6ec-2e49-b930-0c8fe920cb73");

    private static WebAuthnRegistrationResult Register(string id, DateTimeOffset at)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "webauthn", id + ".json")));
        var root = document.RootElement;
        var rpId = root.GetProperty("relyingParty").GetProperty("id").GetString()!;
        var creationOptions = $$$"""
            {"rp":{"id":"{{{rpId}}}","name":"Test"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
             "challenge":"{{{root.GetProperty("options").GetProperty("challenge").GetString()}}}",
             "pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-257},{"type":"public-key","alg":-8}],
             "attestation":"direct","authenticatorSelection":{"userVerification":"preferred"}}
            """;
        var options = new WebAuthnOptions
        {
            RelyingPartyId = rpId,
            RelyingPartyName = "Test",
            Origins = [.. root.GetProperty("relyingParty").GetProperty("origins").EnumerateArray().Select(o => o.GetString()!)],
            Attestation = AttestationConveyance.Direct,
        };
        var result = WebAuthnVerifier.VerifyRegistration(creationOptions, root.GetProperty("credential").GetRawText(), options, at);
        Assert.That(result.Succeeded, Is.True, result.Message);
        return result;
    }

    private static FidoMetadataProvider RealMetadata(ListLogger<FidoMetadataProvider>? log = null)
    {
        var provider = Tests.Provider.FidoMetadataProviderTests.Create(new FakeTimeProvider(MdsTestData.At121), log);
        Assert.That(provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121)).Succeeded, Is.True);
        return provider;
    }

    [Test]
    public void Evaluate_PackedYubiKeyWithRealMetadata_TrustedAndNamedAfterTheModel()
    {
        var registration = Register(PackedYubiKey, MdsTestData.At121);

        var result = AttestationTrustCheck.Evaluate(registration, RealMetadata(), MdsTestData.At121);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Aaguid, result.Trusted, result.Model?.Description), Is.EqualTo((s_securityKeyNfc, (bool?)true, "Security Key by Yubico with NFC")));
    }

    [Test]
    public void Evaluate_U2fYubiKeyWithRealMetadata_FoundByKeyIdentifierAndTrusted()
    {
        var registration = Register(U2fYubiKey, MdsTestData.At121);

        var result = AttestationTrustCheck.Evaluate(registration, RealMetadata(), MdsTestData.At121);

        Assert.That(result.Succeeded, Is.True, result.Message);
        // The U2F key has no AAGUID: the BLOB names its model by the attestation certificate's key identifier.
        Assert.That((result.Aaguid, result.Trusted, result.Model?.Description), Is.EqualTo((Guid.Empty, (bool?)true, "Security Key by Yubico with NFC")));
    }

    [Test]
    public void Evaluate_ModelRevokedInVerifiedBlob_RefusedNamingTheStatusWithAnEvent()
    {
        // A BLOB signed by a test MDS PKI lists this YubiKey's AAGUID as REVOKED.
        using var pki = new TestMdsPki();
        var roots = RealMetadata().FindModel(s_securityKeyNfc, [])!.AttestationRoots.Select(r => r.RawData).ToArray();
        var blob = pki.Sign(TestMdsPki.Payload(7, "2025-02-01", TestMdsPki.Entry(s_securityKeyNfc, "Security Key by Yubico with NFC", "REVOKED", roots)));
        var log = new ListLogger<FidoMetadataProvider>();
        var provider = new FidoMetadataProvider(Options.Create(new FidoMetadataOptions { TrustAnchors = [pki.Root] }), new FakeTimeProvider(TestMdsPki.Now), log);
        Assert.That(provider.Refresh(blob, pki.Crls()).Succeeded, Is.True);

        var result = AttestationTrustCheck.Evaluate(Register(PackedYubiKey, TestMdsPki.Now), provider, TestMdsPki.Now);

        Assert.That((result.FailureReason, result.Model?.RefusedStatus), Is.EqualTo((MfaFailureReason.AuthenticatorStatusRefused, "REVOKED")));
        Assert.That(result.Message, Does.Contain("REVOKED"));
        Assert.That(log.Events, Has.Some.Matches<(int EventId, string Message)>(e => e.EventId == MetadataEventIds.ModelRefused && e.Message.Contains(s_securityKeyNfc.ToString(), StringComparison.Ordinal)));
    }

    [Test]
    public void Evaluate_ModelListedWithOtherRoots_NotTrusted()
    {
        using var pki = new TestMdsPki();
        var blob = pki.Sign(TestMdsPki.Payload(7, "2025-02-01", TestMdsPki.Entry(s_securityKeyNfc, "Impostor roots", "FIDO_CERTIFIED", pki.Root.RawData)));
        var provider = new FidoMetadataProvider(Options.Create(new FidoMetadataOptions { TrustAnchors = [pki.Root] }), new FakeTimeProvider(TestMdsPki.Now));
        provider.Refresh(blob, pki.Crls());

        var result = AttestationTrustCheck.Evaluate(Register(PackedYubiKey, TestMdsPki.Now), provider, TestMdsPki.Now);

        Assert.That((result.Succeeded, result.Trusted), Is.EqualTo((true, (bool?)false)));
    }

    [Test]
    public void Evaluate_NoBlobLoaded_TodaysBehaviour()
    {
        var provider = Tests.Provider.FidoMetadataProviderTests.Create(new FakeTimeProvider(MdsTestData.At121));

        var result = AttestationTrustCheck.Evaluate(Register(PackedYubiKey, MdsTestData.At121), provider, MdsTestData.At121);

        Assert.That((result.Succeeded, result.Trusted, result.Model), Is.EqualTo((true, (bool?)null, (AuthenticatorModel?)null)));
    }
}
