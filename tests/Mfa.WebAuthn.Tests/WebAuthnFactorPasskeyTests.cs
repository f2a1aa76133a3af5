using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests;

/// <summary>Passkey sign-in without a username: the credential id finds the record, the user handle must name its owner.</summary>
[TestFixture]
public sealed class WebAuthnFactorPasskeyTests
{
    private WebAuthnHarness _host = null!;
    private TestAuthenticator _passkey = null!;
    private string _authenticatorId = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = new WebAuthnHarness();
        _passkey = new TestAuthenticator(WebAuthnHarness.Origin);
        _authenticatorId = await _host.EnrolledAsync(WebAuthnHarness.Alice, _passkey, WebAuthnAuthenticatorKind.Device);
        _passkey.SignCount = 1;
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        _passkey.Dispose();
    }

    [Test]
    public async Task BeginPasskeySignIn_Always_OffersNoCredentials()
    {
        var start = await _host.BeginPasskeySignInAsync();

        using var options = JsonDocument.Parse(start.Prompt!.OptionsJson);
        Assert.That(options.RootElement.GetProperty("allowCredentials").GetArrayLength(), Is.Zero);
        Assert.That(start.ExpiresAt, Is.EqualTo(_host.Time.GetUtcNow() + TimeSpan.FromMinutes(2)));
    }

    [Test]
    public async Task CompletePasskeySignIn_ValidAssertion_ResolvesTheOwner()
    {
        var result = await SignInAsync();

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.UserId, result.AuthenticatorId, result.UserVerified), Is.EqualTo(("alice", _authenticatorId, true)));
        var record = await _host.RecordAsync(_authenticatorId);
        Assert.That(record.LastUsedAt, Is.EqualTo(_host.Time.GetUtcNow()));
        Assert.That(JsonDocument.Parse(record.Data).RootElement.GetProperty("signCount").GetUInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task CompletePasskeySignIn_NoUserHandle_FailsUserHandleMismatch()
    {
        var result = await SignInAsync(a => a.UserHandle = null);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserHandleMismatch));
    }

    [Test]
    public async Task CompletePasskeySignIn_UserHandleOfAnotherUser_FailsUserHandleMismatch()
    {
        using var bobKey = new TestAuthenticator(WebAuthnHarness.Origin);
        await _host.EnrolledAsync(WebAuthnHarness.Bob, bobKey, WebAuthnAuthenticatorKind.Device);

        var result = await SignInAsync(a => a.UserHandle = bobKey.UserHandle);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserHandleMismatch));
    }

    [Test]
    public async Task CompletePasskeySignIn_UnknownCredential_FailsUnknownAuthenticator()
    {
        var result = await SignInAsync(a => a.CredentialId = new byte[16]);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
    }

    [Test]
    public async Task CompletePasskeySignIn_NotVerified_FailsUserVerificationRequired()
    {
        var result = await SignInAsync(a => a.Flags &= ~AuthenticatorDataFlags.UserVerified);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public async Task CompletePasskeySignIn_SameChallengeTwice_SecondFailsAlreadyUsed()
    {
        var start = await _host.BeginPasskeySignInAsync();
        var response = new WebAuthnChallengeResponse(_passkey.Assert(start.Prompt!.OptionsJson).ToJson());
        await _host.CompletePasskeySignInAsync(start.ChallengeId!, response);

        var second = await _host.CompletePasskeySignInAsync(start.ChallengeId!, response);

        Assert.That(second.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeAlreadyUsed));
    }

    [Test]
    public async Task CompletePasskeySignIn_AfterLifetime_FailsExpired()
    {
        var start = await _host.BeginPasskeySignInAsync();
        var response = new WebAuthnChallengeResponse(_passkey.Assert(start.Prompt!.OptionsJson).ToJson());
        _host.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await _host.CompletePasskeySignInAsync(start.ChallengeId!, response);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.Expired));
    }

    [Test]
    public async Task CompletePasskeySignIn_UnknownChallenge_FailsChallengeNotFound()
    {
        var start = await _host.BeginPasskeySignInAsync();

        var result = await _host.CompletePasskeySignInAsync("nope", new WebAuthnChallengeResponse(_passkey.Assert(start.Prompt!.OptionsJson).ToJson()));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeNotFound));
    }

    [Test]
    public async Task CompletePasskeySignIn_MfaChallengeId_FailsChallengeMismatch()
    {
        var (challengeId, optionsJson) = await _host.BeginChallengeAsync(WebAuthnHarness.Alice);

        var result = await _host.CompletePasskeySignInAsync(challengeId, new WebAuthnChallengeResponse(_passkey.Assert(optionsJson).ToJson()));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ChallengeMismatch));
    }

    [Test]
    public async Task CompletePasskeySignIn_UserLockedOutByWrongSecondFactors_LockedOutAndNotVerified()
    {
        for (var i = 0; i < 5; i++)
        {
            await _host.SignInAsync(WebAuthnHarness.Alice, _passkey, a => a.CorruptSignature = true);
        }

        var result = await SignInAsync();

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That(result.RetryAfter, Is.Not.Null);
        Assert.That(result.UserId, Is.EqualTo("alice"));
    }

    [Test]
    public async Task CompletePasskeySignIn_HardLockedPasskey_LockedOut()
    {
        using var host = new WebAuthnHarness(configureMfa: o => o.HardLockThreshold = 3);
        using var passkey = new TestAuthenticator(WebAuthnHarness.Origin);
        await host.EnrolledAsync(WebAuthnHarness.Alice, passkey, WebAuthnAuthenticatorKind.Device);
        for (var i = 0; i < 3; i++)
        {
            await host.SignInAsync(WebAuthnHarness.Alice, passkey, a => a.CorruptSignature = true);
        }

        var start = await host.BeginPasskeySignInAsync();
        var result = await host.CompletePasskeySignInAsync(start.ChallengeId!, new WebAuthnChallengeResponse(passkey.Assert(start.Prompt!.OptionsJson).ToJson()));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }

    [Test]
    public async Task CompletePasskeySignIn_WrongSignatures_CountTowardTheUsersThrottle()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(a => a.CorruptSignature = true);
        }

        var secondFactor = await _host.Mfa.BeginChallengeAsync(WebAuthnHarness.Alice, new WebAuthnChallengeRequest(MfaPurpose.SignIn));

        Assert.That(secondFactor.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
    }

    [Test]
    public async Task CompletePasskeySignIn_WebAuthnNotAllowedByPolicy_FactorNotAllowed()
    {
        using var host = new WebAuthnHarness(configureMfa: o => o.AllowedFactors.Add("totp"));

        var start = await host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), "192.0.2.1");

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
    }

    [Test]
    public async Task BeginPasskeySignIn_TooManyFromOneClient_RateLimitedOthersUnaffected()
    {
        for (var i = 0; i < 30; i++)
        {
            await _host.BeginPasskeySignInAsync("198.51.100.7");
        }

        var limited = await _host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), "198.51.100.7");
        var other = await _host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), "198.51.100.8");
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await _host.Mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), "198.51.100.7");

        Assert.That(limited.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(limited.RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(other.Succeeded, Is.True);
        Assert.That(later.Succeeded, Is.True);
    }

    [Test]
    public async Task CompletePasskeySignIn_Success_ProvesTheOwnerForThePurpose()
    {
        var result = await SignInAsync();

        Assert.That(result.Proves("alice", MfaPurpose.SignIn), Is.True);
        Assert.That(result.GetDetails<WebAuthnVerificationDetails>()!.AuthenticatorKind, Is.EqualTo(WebAuthnAuthenticatorKind.Device));
    }

    private async Task<MfaVerificationResult> SignInAsync(Action<AssertionCeremony>? change = null)
    {
        var start = await _host.BeginPasskeySignInAsync();
        var ceremony = _passkey.Assert(start.Prompt!.OptionsJson);
        change?.Invoke(ceremony);
        return await _host.CompletePasskeySignInAsync(start.ChallengeId!, new WebAuthnChallengeResponse(ceremony.ToJson()));
    }
}
