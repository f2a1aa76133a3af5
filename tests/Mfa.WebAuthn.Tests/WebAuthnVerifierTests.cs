using Mfa.Core;
using Mfa.WebAuthn.Parsing;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Tests;

/// <summary>Stateless verification against the options JSON a relying party issued.</summary>
[TestFixture]
public sealed class WebAuthnVerifierTests
{
    private const string CreationOptions = """
        {"rp":{"id":"example.com","name":"Example"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},
         "challenge":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8","pubKeyCredParams":[{"type":"public-key","alg":-7}],
         "authenticatorSelection":{"userVerification":"preferred"}}
        """;

    private const string RequestOptions = """
        {"challenge":"ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8","rpId":"example.com","userVerification":"preferred"}
        """;

    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestAuthenticator _key = null!;

    [SetUp]
    public void SetUp() => _key = new TestAuthenticator(WebAuthnHarness.Origin);

    [TearDown]
    public void TearDown() => _key.Dispose();

    [Test]
    public void VerifyRegistration_ValidResponse_ReturnsCredential()
    {
        var result = WebAuthnVerifier.VerifyRegistration(CreationOptions, _key.Register(CreationOptions).ToJson(), Options(), s_now);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.Credential!.Id, result.Credential.PublicKey.ToArray()), Is.EqualTo((_key.CredentialIdText, _key.CosePublicKey())));
    }

    [Test]
    public void VerifyRegistration_OptionsForAnotherRpId_FailsRelyingPartyMismatch()
    {
        var options = CreationOptions.Replace("\"id\":\"example.com\"", "\"id\":\"example.org\"", StringComparison.Ordinal);

        var result = WebAuthnVerifier.VerifyRegistration(options, _key.Register(options).ToJson(), Options(), s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RelyingPartyMismatch));
    }

    [Test]
    public void VerifyRegistration_AlgorithmNotInOptions_FailsUnsupportedAlgorithm()
    {
        var options = CreationOptions.Replace("\"alg\":-7", "\"alg\":-257", StringComparison.Ordinal);

        var result = WebAuthnVerifier.VerifyRegistration(options, _key.Register(options).ToJson(), Options(), s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnsupportedAlgorithm));
    }

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{\"rp\":{\"id\":\"example.com\"},\"pubKeyCredParams\":[]}")]
    public void VerifyRegistration_MalformedOptions_FailsMalformedInput(string options)
    {
        var result = WebAuthnVerifier.VerifyRegistration(options, _key.Register(CreationOptions).ToJson(), Options(), s_now);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public void VerifyRegistration_InvalidOptions_Throws()
    {
        Assert.That(() => WebAuthnVerifier.VerifyRegistration(CreationOptions, "{}", new WebAuthnOptions(), s_now), Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void VerifyAssertion_ValidAssertion_ReturnsNewCounter()
    {
        _key.SignCount = 8;

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), Stored(signCount: 7), Options());

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((result.SignCount, result.NewSignCount, result.UserVerified), Is.EqualTo((8u, 8u, true)));
    }

    [Test]
    public void VerifyAssertion_CounterNotIncreased_FailsCounterRollback()
    {
        _key.SignCount = 7;

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), Stored(signCount: 7), Options());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CounterRollback));
    }

    [Test]
    public void AfterAssertion_CounterIncreased_StoresReportedCounterAndBackupState()
    {
        _key.SignCount = 8;
        var stored = Stored(signCount: 7);
        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), stored, Options());

        var updated = stored.AfterAssertion(result);

        Assert.That((updated.Id, updated.SignCount, updated.BackupState, updated.PublicKey.ToArray()), Is.EqualTo((stored.Id, 8u, result.BackupState, stored.PublicKey.ToArray())));
    }

    [Test]
    public void AfterAssertion_RollbackAcceptedUnderFlagOnly_KeepsStoredCounter()
    {
        _key.SignCount = 3;
        var options = Options();
        options.CounterRollback = CounterRollbackPolicy.FlagOnly;
        var stored = Stored(signCount: 7);
        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), stored, options);

        var updated = stored.AfterAssertion(result);

        Assert.That((result.Succeeded, result.CounterRollbackDetected, updated.SignCount), Is.EqualTo((true, true, 7u)));
    }

    [Test]
    public void AfterAssertion_FailedResult_ChangesNothing()
    {
        _key.SignCount = 7;
        var stored = Stored(signCount: 7);
        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), stored, Options());

        Assert.That(stored.AfterAssertion(result), Is.SameAs(stored));
    }

    [Test]
    public void VerifyAssertion_OtherCredential_FailsUnknownAuthenticator()
    {
        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, _key.Assert(RequestOptions).ToJson(), new WebAuthnStoredCredential("AAAA", _key.CosePublicKey()), Options());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
    }

    [Test]
    public void VerifyAssertion_NotInAllowCredentials_FailsCredentialNotAllowed()
    {
        var options = RequestOptions.Replace("\"userVerification\"", "\"allowCredentials\":[{\"type\":\"public-key\",\"id\":\"AAAA\"}],\"userVerification\"", StringComparison.Ordinal);

        var result = WebAuthnVerifier.VerifyAssertion(options, _key.Assert(options).ToJson(), Stored(), Options());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.CredentialNotAllowed));
    }

    [Test]
    public void VerifyAssertion_OptionsRequireVerification_FailsWithoutUv()
    {
        var options = RequestOptions.Replace("preferred", "required", StringComparison.Ordinal);
        var assertion = _key.Assert(options);
        assertion.Flags = AuthenticatorDataFlags.UserPresent;

        var result = WebAuthnVerifier.VerifyAssertion(options, assertion.ToJson(), Stored(), Options());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserVerificationRequired));
    }

    [Test]
    public void VerifyAssertion_UserHandleOfAnotherUser_FailsUserHandleMismatch()
    {
        var assertion = _key.Assert(RequestOptions);
        assertion.UserHandle = [1, 2, 3];
        var stored = new WebAuthnStoredCredential(_key.CredentialIdText, _key.CosePublicKey()) { UserHandle = new byte[] { 9 } };

        var result = WebAuthnVerifier.VerifyAssertion(RequestOptions, assertion.ToJson(), stored, Options());

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UserHandleMismatch));
    }

    private static WebAuthnOptions Options() => new() { RelyingPartyId = "example.com", RelyingPartyName = "Example", Origins = [WebAuthnHarness.Origin] };

    private WebAuthnStoredCredential Stored(uint signCount = 0) => new(_key.CredentialIdText, _key.CosePublicKey()) { SignCount = signCount };
}
