using Mfa.Testing.Logging;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mfa.WebAuthn.Tests.Metadata;

/// <summary>Registration through the MFA service with an <see cref="IAuthenticatorTrustSource"/> (FIDO metadata) registered.</summary>
[TestFixture]
public sealed class RegistrationWithTrustSourceTests
{
    private static readonly Guid s_aaguid = Guid.Parse("2fc0579f-8113-47ea-b116-bb5a8db9202a");

    private static (WebAuthnHarness Harness, CapturingLoggerProvider Log) Host(IAuthenticatorTrustSource source, Action<WebAuthnOptions>? configure = null)
    {
        var log = new CapturingLoggerProvider();
        var harness = new WebAuthnHarness(
            o =>
            {
                o.Attestation = AttestationConveyance.Direct;
                configure?.Invoke(o);
            },
            trustSource: source,
            configureServices: s => s.AddLogging(b => b.AddProvider(log)));
        return (harness, log);
    }

    private static AuthenticatorModel Model(TestCertificates roots, string? refused = null) => new()
    {
        Aaguid = s_aaguid,
        Description = "YubiKey 5 NFC",
        AttestationRoots = [roots.Root],
        Status = refused ?? "FIDO_CERTIFIED_L1",
        RefusedStatus = refused,
    };

    private static Action<RegistrationCeremony> Packed(TestCertificates certificates) => c =>
    {
        c.Format = "packed";
        c.Attestation = certificates;
        c.Aaguid = s_aaguid;
    };

    private static TestCertificates Certificates() => new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task EnrollAsync_ModelRevoked_RefusedWithStatusAndEvent()
    {
        using var certificates = Certificates();
        var (h, events) = Host(new FakeTrustSource(Model(certificates, "REVOKED")));
        using var __ = h;
        using var key = new TestAuthenticator();

        var result = await h.EnrollAsync(WebAuthnHarness.Alice, key, Packed(certificates));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AuthenticatorStatusRefused));
        Assert.That(result.Message, Does.Contain("REVOKED").And.Contain("YubiKey 5 NFC"));
        Assert.That(events.Entries, Has.Some.Matches<CapturedLog>(e => e!.EventId.Id == WebAuthnEventIds.RegistrationModelRefused && e.Message.Contains("REVOKED", StringComparison.Ordinal) && e.Message.Contains(s_aaguid.ToString(), StringComparison.Ordinal)));
        Assert.That(await h.Mfa.ListAuthenticatorsAsync(WebAuthnHarness.Alice.Id), Is.Empty);
    }

    [Test]
    public async Task EnrollAsync_ModelKnownNoNameGiven_DefaultNameIsModelAndRecordKeepsIt()
    {
        using var certificates = Certificates();
        var (harness, _) = Host(new FakeTrustSource(Model(certificates)), o => o.RequireTrustedAttestation = true);
        using var __ = harness;
        using var key = new TestAuthenticator();

        var result = await harness.EnrollAsync(WebAuthnHarness.Alice, key, Packed(certificates));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.Authenticator!.Name, Is.EqualTo("YubiKey 5 NFC"));
        var record = await harness.RecordAsync(result.Authenticator.Id);
        Assert.That(CredentialRecords.TryRead(record, out var data), Is.True);
        Assert.That((data.Aaguid, data.Model, data.Trusted), Is.EqualTo((s_aaguid.ToString("D"), "YubiKey 5 NFC", (bool?)true)));
        Assert.That((WebAuthnAuthenticatorRecords.GetModelDescription(record), WebAuthnAuthenticatorRecords.TryGetAaguid(record, out var aaguid), aaguid), Is.EqualTo(("YubiKey 5 NFC", true, s_aaguid)));
    }

    [Test]
    public async Task EnrollAsync_UserGaveName_KeepsUsersName()
    {
        using var certificates = Certificates();
        var (harness, _) = Host(new FakeTrustSource(Model(certificates)));
        using var __ = harness;
        using var key = new TestAuthenticator();
        var begun = await harness.Mfa.BeginEnrollmentAsync(WebAuthnHarness.Alice, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.SecurityKey) { Name = "Work key" });
        var ceremony = key.Register(begun.Prompt!.OptionsJson);
        Packed(certificates)(ceremony);

        var result = await harness.Mfa.CompleteEnrollmentAsync(WebAuthnHarness.Alice, begun.EnrollmentId!, new WebAuthnEnrollmentResponse(ceremony.ToJson()));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Authenticator!.Name, result.Authenticator.Description), Is.EqualTo(("Work key", "YubiKey 5 NFC")));
    }

    [Test]
    public async Task EnrollAsync_ModelDescriptionBreaksTheNameRule_DefaultNameStays()
    {
        using var certificates = Certificates();
        var model = new AuthenticatorModel { Aaguid = s_aaguid, Description = "Key\u202Egnp.exe", AttestationRoots = [certificates.Root] };
        var (harness, _) = Host(new FakeTrustSource(model));
        using var __ = harness;
        using var key = new TestAuthenticator();

        var result = await harness.EnrollAsync(WebAuthnHarness.Alice, key, Packed(certificates));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Authenticator!.Name, result.Authenticator.Description), Is.EqualTo(("Security key", (string?)null)));
    }

    [Test]
    public async Task EnrollAsync_AttestationNotFromModelRoots_UntrustedWhenRequired()
    {
        using var certificates = Certificates();
        using var other = Certificates();
        var (harness, _) = Host(new FakeTrustSource(Model(other)), o => o.RequireTrustedAttestation = true);
        using var __ = harness;
        using var key = new TestAuthenticator();

        var result = await harness.EnrollAsync(WebAuthnHarness.Alice, key, Packed(certificates));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UntrustedAttestation));
    }

    [Test]
    public async Task EnrollAsync_ModelUnknownToSource_TodaysDefaultName()
    {
        var source = new FakeTrustSource();
        var (harness, _) = Host(source);
        using var __ = harness;
        using var key = new TestAuthenticator();

        var result = await harness.EnrollAsync(WebAuthnHarness.Alice, key);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Authenticator!.Name, result.Authenticator.Description, source.Lookups), Is.EqualTo(("Security key", (string?)null, 1)));
    }
}
