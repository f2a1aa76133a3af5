using Mfa.Core;
using Mfa.Core.Storage;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Passkey sign-in without a username (WebAuthn L3 §7.2, "user not identified before the ceremony").</summary>
public sealed partial class WebAuthnFactor
{
    /// <summary>The purpose passkey sign-in challenges are bound to in the challenge store (no user is known yet).</summary>
    internal const string PasskeyPurpose = "webauthn-passkey-sign-in";

    private ChallengeBinding PasskeyBinding => new(UserId: string.Empty, Kind, AuthenticatorId: null, PasskeyPurpose);

    /// <summary>
    /// Begins a sign-in with a discoverable credential (passkey) before the user is known: request options with an
    /// empty <c>allowCredentials</c>, and a pending challenge kept in the challenge store.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge id and the options for <c>navigator.credentials.get()</c>.</returns>
    /// <remarks>
    /// A host offers "Sign in with a passkey": it calls this, keeps <see cref="WebAuthnPasskeySignInStart.ChallengeId"/>
    /// with the browser session (or in the page), hands <see cref="WebAuthnPasskeySignInStart.OptionsJson"/> to the page,
    /// and posts the credential back to <see cref="CompletePasskeySignInAsync"/>, which resolves the user from the
    /// credential id and its user handle. No user is known, so the MFA service's per-user throttling cannot apply:
    /// rate-limit this endpoint per client. User verification follows <see cref="WebAuthnOptions.UserVerification"/>
    /// (device authenticators always verify); check <see cref="WebAuthnPasskeySignInResult.UserVerified"/> before
    /// treating the sign-in as multi-factor.
    /// </remarks>
    public async Task<WebAuthnPasskeySignInStart> BeginPasskeySignInAsync(CancellationToken cancellationToken = default)
    {
        var challenge = NewChallenge();
        var requireUv = _policy.UserVerification == UserVerificationRequirement.Required;
        var options = new RequestOptions { Challenge = challenge, AllowCredentials = [], UserVerification = _policy.UserVerification };
        var state = new AssertionState { Challenge = Encode(challenge), AllowCredentials = [], RequireUserVerification = requireUv };
        var now = _time.GetUtcNow();
        var pending = new PendingChallenge
        {
            Id = AuthenticatorRecord.NewId(),
            Binding = PasskeyBinding,
            CreatedAt = now,
            ExpiresAt = now + _mfaOptions.Value.ChallengeLifetime,
            State = CeremonyState.Write(state, WebAuthnJsonContext.Default.AssertionState),
        };
        await _challenges.CreateAsync(pending, cancellationToken).ConfigureAwait(false);
        return new WebAuthnPasskeySignInStart(pending.Id, pending.ExpiresAt, options.ToJson(_policy));
    }

    /// <summary>
    /// Completes a passkey sign-in: consumes the pending challenge (once, even if the attempt fails), finds the credential
    /// by id, checks that the user handle names its owner, verifies the assertion, and writes the counter, backup state
    /// and last-used time back atomically.
    /// </summary>
    /// <param name="challengeId">The id from <see cref="BeginPasskeySignInAsync"/>.</param>
    /// <param name="response">The browser's <c>AuthenticationResponseJSON</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user who signed in, or a failure.</returns>
    public async Task<WebAuthnPasskeySignInResult> CompletePasskeySignInAsync(string challengeId, WebAuthnChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(response);
        var result = await CompletePasskeyCoreAsync(challengeId, response, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            WebAuthnLog.PasskeySignInSucceeded(_logger, challengeId, result.UserId, result.AuthenticatorId);
        }
        else
        {
            WebAuthnLog.PasskeySignInFailed(_logger, challengeId, result.FailureReason);
        }

        return result;
    }

    private async Task<WebAuthnPasskeySignInResult> CompletePasskeyCoreAsync(string challengeId, WebAuthnChallengeResponse response, CancellationToken cancellationToken)
    {
        var binding = PasskeyBinding;
        var now = _time.GetUtcNow();
        var consumed = await _challenges.TryConsumeAsync(challengeId, binding, now, cancellationToken).ConfigureAwait(false);
        if (consumed is null)
        {
            var pending = await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
            var reason = pending is null ? MfaFailureReason.ChallengeNotFound
                : pending.Binding != binding ? MfaFailureReason.ChallengeMismatch
                : pending.Consumed ? MfaFailureReason.ChallengeAlreadyUsed
                : MfaFailureReason.Expired;
            return WebAuthnPasskeySignInResult.Failure(reason);
        }

        if (!CeremonyState.TryRead(consumed.State, WebAuthnJsonContext.Default.AssertionState, out var begun) || !TryDecodeChallenge(begun.Challenge, out var challenge) || begun.UserId is not null)
        {
            return WebAuthnPasskeySignInResult.Failure(MfaFailureReason.MalformedInput, "The authentication state is unreadable.");
        }

        if (!ResponseDecoder.TryDecodeAssertion(response.ResponseJson, out var decoded, out var message) || decoded is null)
        {
            return WebAuthnPasskeySignInResult.Failure(MfaFailureReason.MalformedInput, message);
        }

        // The user was not identified before the ceremony: find the credential record by id, then require the user
        // handle and verify that it names the account that owns that record.
        var record = await _authenticators.FindByCredentialIdAsync(Kind, decoded.CredentialIdText, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return WebAuthnPasskeySignInResult.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        var verified = VerifyAssertion(record, begun, challenge, decoded, requireUserHandle: true);
        if (verified is not WebAuthnChallengeCompleteResult { Authenticator: { } updated } success)
        {
            return WebAuthnPasskeySignInResult.Failure(verified.FailureReason, verified.Message);
        }

        // Counter, backup state and last use in one conditional write: a concurrent change to the record fails closed.
        var stored = await _authenticators.TryUpdateAsync(updated with { LastUsedAt = now }, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return WebAuthnPasskeySignInResult.Failure(MfaFailureReason.ConcurrencyConflict);
        }

        return WebAuthnPasskeySignInResult.Success(stored.UserId, stored.Id, success);
    }
}
