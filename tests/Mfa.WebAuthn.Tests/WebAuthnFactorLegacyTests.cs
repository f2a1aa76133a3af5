using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests;

/// <summary>Legacy FIDO U2F keys: import, sign in through the appid extension, rename, delete; no new enrollment.</summary>
[TestFixture]
public sealed class WebAuthnFactorLegacyTests
{
    private const string AppId = "https://example.com/u2f/app-id.json";

    private WebAuthnHarness _host = null!;
    private TestAuthenticator _u2f = null!;

    [SetUp]
    public void SetUp()
    {
        _host = new WebAuthnHarness();
        _u2f = new TestAuthenticator(WebAuthnHarness.Origin) { CredentialId = new byte[64] };
        _u2f.CredentialId[0] = 9;
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _u2f.Dispose();
    }

    [Test]
    public async Task ImportLegacyU2fKey_UncompressedPoint_StoresLegacyRecord()
    {
        var result = await ImportAsync();

        Assert.That(result.Succeeded, Is.True, result.Message);
        var record = await _host.RecordAsync(result.Authenticator!.Id);
        var data = JsonDocument.Parse(record.Data).RootElement;
        Assert.That((record.CredentialId, data.GetProperty("kind").GetString(), data.GetProperty("appId").GetString()), Is.EqualTo((_u2f.CredentialIdText, "legacy-u2f", AppId)));
    }

    [Test]
    public async Task ImportAuthenticatorAsync_SecondKeyWithoutRecentProof_ReauthenticationRequiredAndNothingStored()
    {
        using var first = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Alice, first);
        var stale = WebAuthnHarness.Alice with { LastVerifiedAt = _host.Time.GetUtcNow() - TimeSpan.FromMinutes(6) };

        var result = await _host.Mfa.ImportAuthenticatorAsync(stale, new LegacyU2fKey(_u2f.CredentialId, _u2f.CosePublicKey(), AppId));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ReauthenticationRequired));
        Assert.That(await _host.Mfa.ListAuthenticatorsAsync(WebAuthnHarness.Alice.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ImportLegacyU2fKey_CoseKey_Succeeds()
    {
        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_u2f.CredentialId, _u2f.CosePublicKey(), AppId));

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public async Task ImportLegacyU2fKey_PointNotOnCurve_FailsMalformedInput()
    {
        var point = _u2f.UncompressedPoint;
        point[^1] ^= 1;

        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_u2f.CredentialId, point, AppId));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [TestCase("http://example.com/app-id.json")]
    [TestCase("example.com")]
    [TestCase("")]
    public async Task ImportLegacyU2fKey_AppIdNotHttpsUrl_FailsMalformedInput(string appId)
    {
        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_u2f.CredentialId, _u2f.UncompressedPoint, appId));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task ImportLegacyU2fKey_EmptyKeyHandle_FailsMalformedInput()
    {
        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(Array.Empty<byte>(), _u2f.UncompressedPoint, AppId));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task ImportLegacyU2fKey_KeyHandleAlreadyRegistered_FailsAlreadyEnrolled()
    {
        await ImportAsync();

        var result = await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Bob, new LegacyU2fKey(_u2f.CredentialId, _u2f.UncompressedPoint, AppId));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.AlreadyEnrolled));
    }

    [Test]
    public async Task BeginChallenge_WithLegacyKey_SendsAppIdExtension()
    {
        await ImportAsync();

        var (_, optionsJson) = await _host.BeginChallengeAsync(WebAuthnHarness.Alice);

        using var options = JsonDocument.Parse(optionsJson);
        Assert.That(options.RootElement.GetProperty("extensions").GetProperty("appid").GetString(), Is.EqualTo(AppId));
    }

    [Test]
    public async Task CompleteChallenge_LegacyKeyThroughAppId_Succeeds()
    {
        var id = (await ImportAsync()).Authenticator!.Id;

        var result = await _host.SignInAsync(WebAuthnHarness.Alice, _u2f, LegacyAssertion);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.AuthenticatorId, Is.EqualTo(id));
    }

    [Test]
    public async Task CompleteChallenge_AppIdHashWithoutAppIdOutput_FailsRelyingPartyMismatch()
    {
        await ImportAsync();

        var result = await _host.SignInAsync(WebAuthnHarness.Alice, _u2f, a => (a.RpId, a.Flags, a.UserHandle) = (AppId, AuthenticatorDataFlags.UserPresent, null));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RelyingPartyMismatch));
    }

    [Test]
    public async Task CompleteChallenge_CounterBelowImportedCounter_FailsCounterRollback()
    {
        await _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_u2f.CredentialId, _u2f.UncompressedPoint, AppId) { SignCount = 50 });
        _u2f.SignCount = 49;

        var result = await _host.SignInAsync(WebAuthnHarness.Alice, _u2f, LegacyAssertion);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CounterRollback));
    }

    [Test]
    public async Task RenameAuthenticator_LegacyKey_Renames()
    {
        var id = (await ImportAsync()).Authenticator!.Id;

        var result = await _host.Mfa.Administration.RenameAuthenticatorAsync(WebAuthnHarness.Alice.Id, id, "Old YubiKey");

        Assert.That(result.Authenticator?.Name, Is.EqualTo("Old YubiKey"));
    }

    [Test]
    public async Task RemoveAuthenticator_LegacyKey_Removes()
    {
        var id = (await ImportAsync()).Authenticator!.Id;

        var result = await _host.Mfa.Administration.RemoveAuthenticatorAsync(WebAuthnHarness.Alice.Id, id, force: true);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(await _host.Store.FindByIdAsync(id), Is.Null);
    }

    [Test]
    public async Task BeginEnrollment_LegacyKind_FailsNotSupported()
    {
        var result = await _host.Mfa.BeginEnrollmentAsync(WebAuthnHarness.Alice, new WebAuthnEnrollmentRequest(WebAuthnAuthenticatorKind.LegacyU2f));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.NotSupported));
    }

    private static void LegacyAssertion(AssertionCeremony assertion)
    {
        // A browser answering through the appid extension: rpIdHash = SHA-256(AppID), U2F flags, appid: true.
        assertion.RpId = AppId;
        assertion.Flags = AuthenticatorDataFlags.UserPresent;
        assertion.UserHandle = null;
        assertion.ClientExtensionResults = "{\"appid\":true}";
    }

    private Task<MfaOperationResult> ImportAsync() =>
        _host.ImportLegacyU2fKeyAsync(WebAuthnHarness.Alice, new LegacyU2fKey(_u2f.CredentialId, _u2f.UncompressedPoint, AppId));
}
