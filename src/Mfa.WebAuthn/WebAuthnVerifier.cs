using Mfa.Core;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn;

/// <summary>
/// Stateless WebAuthn verification for hosts (and the <c>mfa</c> tool) that keep ceremony options themselves: a response
/// is checked against the options JSON the relying party issued, with the same §7.1 / §7.2 code the factor runs.
/// </summary>
/// <remarks>
/// The caller must issue each challenge once, keep the options server-side, and verify a response at most once;
/// <see cref="WebAuthnFactor"/> through the MFA service does all of that. Credential-id uniqueness (§7.1) is the caller's.
/// </remarks>
public static class WebAuthnVerifier
{
    private static readonly CoseKeyCache s_keys = new();

    /// <summary>Verifies a registration response (WebAuthn L3 §7.1) against the creation options it answers.</summary>
    /// <param name="creationOptionsJson">The <c>PublicKeyCredentialCreationOptionsJSON</c> the relying party issued.</param>
    /// <param name="responseJson">The <c>RegistrationResponseJSON</c> (<c>JSON.stringify(credential)</c>).</param>
    /// <param name="options">The relying party: RP ID (must equal the options' <c>rp.id</c>), origins and policy.</param>
    /// <param name="now">The time certificates are checked at.</param>
    /// <returns>The credential, or a typed failure.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public static WebAuthnRegistrationResult VerifyRegistration(string creationOptionsJson, string responseJson, WebAuthnOptions options, DateTimeOffset now)
    {
        var policy = Policy(options);
        if (!IssuedOptions.TryParseCreation(creationOptionsJson, out var issued, out var message) || issued is null)
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.MalformedInput, message);
        }

        if (!string.Equals(issued.RelyingPartyId, policy.RelyingPartyId, StringComparison.Ordinal))
        {
            return WebAuthnRegistrationResult.Failure(MfaFailureReason.RelyingPartyMismatch, "The options were issued for another RP ID.");
        }

        var expectation = new RegistrationExpectation
        {
            Challenge = issued.Challenge,
            Algorithms = issued.Algorithms,
            RequireUserVerification = issued.RequireUserVerification || policy.UserVerification == UserVerificationRequirement.Required,
            Attachment = issued.Attachment,
            ExcludeCredentials = issued.ExcludeCredentials,
            Now = now,
        };
        return WebAuthnRegistrationResult.From(RegistrationProcedure.Verify(policy, expectation, responseJson, issued.Kind));
    }

    /// <summary>Verifies an assertion (WebAuthn L3 §7.2) against the request options it answers and the stored credential.</summary>
    /// <param name="requestOptionsJson">The <c>PublicKeyCredentialRequestOptionsJSON</c> the relying party issued.</param>
    /// <param name="responseJson">The <c>AuthenticationResponseJSON</c>.</param>
    /// <param name="credential">The credential record the response must be from.</param>
    /// <param name="options">The relying party: RP ID (must equal the options' <c>rpId</c>), origins and policy.</param>
    /// <returns>The new counter and backup state to store, or a typed failure.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public static WebAuthnAssertionResult VerifyAssertion(string requestOptionsJson, string responseJson, WebAuthnStoredCredential credential, WebAuthnOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var policy = Policy(options);
        if (!IssuedOptions.TryParseRequest(requestOptionsJson, out var issued, out var message) || issued is null)
        {
            return WebAuthnAssertionResult.Failure(MfaFailureReason.MalformedInput, message);
        }

        if (!string.Equals(issued.RelyingPartyId, policy.RelyingPartyId, StringComparison.Ordinal))
        {
            return WebAuthnAssertionResult.Failure(MfaFailureReason.RelyingPartyMismatch, "The options were issued for another RP ID.");
        }

        if (!ResponseDecoder.TryDecodeAssertion(responseJson, out var decoded, out message) || decoded is null)
        {
            return WebAuthnAssertionResult.Failure(MfaFailureReason.MalformedInput, message);
        }

        // WebAuthn L3 §7.2 steps 5–24 (Ceremonies/AssertionProcedure.cs); step 6: the credential the caller identified
        // must be the one that answered.
        var expectation = new AssertionExpectation(
            issued.Challenge,
            issued.RequireUserVerification || policy.UserVerification == UserVerificationRequirement.Required || credential.Kind == WebAuthnAuthenticatorKind.Device,
            issued.AppId);
        var outcome = AssertionProcedure.Verify(policy, s_keys, expectation, issued.AllowCredentials, decoded, Identified, userIdentifiedBefore: true);
        return WebAuthnAssertionResult.From(outcome);

        MfaFailureReason Identified(DecodedAssertion assertion, out AssertionCredential stored, out string? failureMessage)
        {
            stored = default;
            failureMessage = null;
            if (!ResponseDecoder.TryDecode(credential.Id, RegistrationProcedure.MaxCredentialIdLength, out var storedId) || !storedId.AsSpan().SequenceEqual(assertion.CredentialId))
            {
                failureMessage = "The response is from another credential.";
                return MfaFailureReason.UnknownAuthenticator;
            }

            stored = new AssertionCredential(credential.PublicKey, credential.UserHandle.GetValueOrDefault(), credential.SignCount, credential.BackupEligible, IsDevice: credential.Kind == WebAuthnAuthenticatorKind.Device);
            return MfaFailureReason.None;
        }
    }

    private static RelyingPartyPolicy Policy(WebAuthnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new WebAuthnOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(WebAuthnOptions), typeof(WebAuthnOptions), validation.Failures);
        }

        return RelyingPartyPolicy.From(options);
    }
}
