using Mfa.Testing.Logging;
using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Testing;
using Mfa.Testing.WebAuthn;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Metadata.Tests.Integration;

/// <summary>
/// The WebAuthn factor with <see cref="FidoMetadataProvider"/> registered as its trust source: registrations through
/// <see cref="IMfaService"/> refused for a REVOKED model, named after the model, and listed after a later revocation.
/// </summary>
[TestFixture]
public sealed class MfaServiceWithMetadataTests
{
    private const string Origin = "https://example.com";
    private static readonly Guid s_aaguid = Guid.Parse("6d44ba9b-f6ec-2e49-b930-0c8fe920cb73");
    private static readonly MfaUser s_alice = new("alice", "Alice Example");

    private static ServiceProvider Host(FidoMetadataProvider metadata, TimeProvider time, CapturingLoggerProvider? log = null, string rpId = "example.com", string origin = Origin)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging(b =>
        {
            if (log is not null)
            {
                b.AddProvider(log);
            }
        });
        services.AddSingleton<IAuthenticatorTrustSource>(metadata);
        services.AddMfa(o => o.SecretKey = TestKeys.SecretKey)
            .UseInMemoryStores()
            .AddWebAuthn(o =>
            {
                o.RelyingPartyId = rpId;
                o.RelyingPartyName = "Example";
                o.Origins = [origin];
                o.Attestation = AttestationConveyance.Direct;
            });
        return services.BuildServiceProvider();
    }

    private static TestCertificates AttestationCa() => new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static FidoMetadataProvider Metadata(TestMdsPki pki, long no, string status, TestCertificates ca, ListLogger<FidoMetadataProvider>? log = null)
    {
        var provider = new FidoMetadataProvider(Options.Create(new FidoMetadataOptions { TrustAnchors = [pki.Root] }), new ManualTimeProvider(TestMdsPki.Now), log);
        Refresh(provider, pki, no, status, ca);
        return provider;
    }

    private static void Refresh(FidoMetadataProvider provider, TestMdsPki pki, long no, string status, TestCertificates ca)
    {
        var blob = pki.Sign(TestMdsPki.Payload(no, "2025-02-01", TestMdsPki.Entry(s_aaguid, "YubiKey 5 NFC", status, ca.Root.RawData)));
        Assert.That(provider.Refresh(blob, pki.Crls()).Succeeded, Is.True);
    }

    private static async Task<MfaOperationResult> EnrollAsync(ServiceProvider host, TestCertificates ca)
    {
        var mfa = host.GetRequiredService<IMfaService>();
        var begun = await mfa.BeginEnrollmentAsync(s_alice, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey));
        Assert.That(begun.Succeeded, Is.True, begun.Message);
        using var key = new TestAuthenticator(Origin);
        var ceremony = key.Register(begun.Prompt!.OptionsJson);
        (ceremony.Format, ceremony.Attestation, ceremony.Aaguid) = ("packed", ca, s_aaguid);
        return await mfa.CompleteEnrollmentAsync(s_alice, begun.EnrollmentId!, new WebAuthnEnrollmentResponse(ceremony.ToJson()));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_AaguidRevokedInVerifiedBlob_RefusedByDefaultAndTheEventSaysWhy()
    {
        using var pki = new TestMdsPki();
        using var ca = AttestationCa();
        var metadataLog = new ListLogger<FidoMetadataProvider>();
        using var log = new CapturingLoggerProvider();
        using var host = Host(Metadata(pki, 7, "REVOKED", ca, metadataLog), new ManualTimeProvider(TestMdsPki.Now), log);

        var result = await EnrollAsync(host, ca);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AuthenticatorStatusRefused));
        Assert.That(result.Message, Does.Contain("REVOKED"));
        Assert.That(log.Entries, Has.Some.Matches<CapturedLog>(e => e!.EventId.Id == WebAuthnEventIds.RegistrationModelRefused
            && e.Message.Contains("REVOKED", StringComparison.Ordinal) && e.Message.Contains(s_aaguid.ToString(), StringComparison.Ordinal) && e.Message.Contains("YubiKey 5 NFC", StringComparison.Ordinal)));
        Assert.That(metadataLog.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.ModelRefused));
        Assert.That(await host.GetRequiredService<IMfaService>().ListAuthenticatorsAsync(s_alice.Id), Is.Empty);
    }

    [Test]
    public async Task CompleteEnrollmentAsync_CertifiedModel_NamedAfterTheModelAndTrusted()
    {
        using var pki = new TestMdsPki();
        using var ca = AttestationCa();
        using var host = Host(Metadata(pki, 7, "FIDO_CERTIFIED_L1", ca), new ManualTimeProvider(TestMdsPki.Now));

        var result = await EnrollAsync(host, ca);

        Assert.That(result.Succeeded, Is.True, result.Message);
        var listed = (await host.GetRequiredService<IMfaService>().ListAuthenticatorsAsync(s_alice.Id)).Single();
        Assert.That((listed.Name, listed.Description), Is.EqualTo(("YubiKey 5 NFC", "YubiKey 5 NFC")));
        var record = (await host.GetRequiredService<IAuthenticatorStore>().FindByIdAsync(result.Authenticator!.Id))!;
        Assert.That(CredentialRecords.TryRead(record, out var data), Is.True);
        Assert.That((data.Trusted, WebAuthnAuthenticatorRecords.GetModelDescription(record)), Is.EqualTo(((bool?)true, "YubiKey 5 NFC")));
    }

    [Test]
    public async Task FindRefusedAuthenticatorsAsync_ModelRevokedAfterRegistration_ListsTheAuthenticator()
    {
        using var pki = new TestMdsPki();
        using var ca = AttestationCa();
        var metadata = Metadata(pki, 7, "FIDO_CERTIFIED_L1", ca);
        using var host = Host(metadata, new ManualTimeProvider(TestMdsPki.Now));
        var enrolled = await EnrollAsync(host, ca);
        Assert.That(enrolled.Succeeded, Is.True, enrolled.Message);
        var store = host.GetRequiredService<IAuthenticatorStore>();
        Assert.That(await metadata.FindRefusedAuthenticatorsAsync(store, [s_alice.Id]), Is.Empty);

        Refresh(metadata, pki, 8, "REVOKED", ca);
        var refused = await metadata.FindRefusedAuthenticatorsAsync(store, [s_alice.Id, "nobody"]);

        Assert.That(refused.Select(r => (r.Record.Id, r.RefusedStatus)), Is.EqualTo(new[] { (enrolled.Authenticator!.Id, "REVOKED") }));
    }

    [Test]
    public async Task CompleteEnrollmentAsync_RealYubiKeyWithBlob121_DefaultNameIsTheModel()
    {
        // The real YubiKey registration answers a fixed challenge, so the factor gets the state the service would have kept.
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "webauthn", "reg-pywebauthn-packed-yubikey-firefox.json")));
        var root = document.RootElement;
        var time = new ManualTimeProvider(MdsTestData.At121);
        var metadata = Tests.Provider.FidoMetadataProviderTests.Create(time);
        Assert.That(metadata.Refresh(MdsTestData.Bytes(MdsTestData.Blob121)).Succeeded, Is.True);
        using var host = Host(metadata, time, rpId: "localhost", origin: "http://localhost:5000");
        var factor = host.GetServices<IFactor>().OfType<WebAuthnFactor>().Single();
        var state = CeremonyState.Write(
            new RegistrationState
            {
                UserId = s_alice.Id,
                AuthenticatorId = AuthenticatorRecord.NewId(),
                Challenge = root.GetProperty("options").GetProperty("challenge").GetString()!,
                UserHandle = "dXNlcg",
                Kind = CredentialKinds.ToName(WebAuthnAuthenticatorKind.SecurityKey),
                Name = "Security key",
                NameIsDefault = true,
                Algorithms = [-7, -257, -8],
            },
            WebAuthnJsonContext.Default.RegistrationState);
        var context = new EnrollmentContext(s_alice, AuthenticatorRecord.NewId(), null, MdsTestData.At121, MdsTestData.At121.AddMinutes(5), []);

        var result = await factor.CompleteEnrollmentAsync(context, state, new WebAuthnEnrollmentResponse(root.GetProperty("credential").GetRawText()));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Authenticator!.Name, result.Authenticator.Description), Is.EqualTo(("Security Key by Yubico with NFC", "Security Key by Yubico with NFC")));
        Assert.That(CredentialRecords.TryRead(result.Authenticator, out var data), Is.True);
        Assert.That((data.Aaguid, data.Model, data.Trusted), Is.EqualTo((s_aaguid.ToString("D"), "Security Key by Yubico with NFC", (bool?)true)));
    }
}
