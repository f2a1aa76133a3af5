using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Authentication (WebAuthn L3 §7.2).</summary>
internal sealed partial class WebAuthnFactor
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>allowCredentials</c> lists the given authenticators; user verification is required when the options or the
    /// request require it or when every candidate is a device authenticator; the <c>appid</c> extension is added when a
    /// legacy U2F key may answer.
    /// </remarks>
    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(ChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var user = context.User;
        var authenticators = context.Authenticators;
        var candidates = authenticators.Where(r => r.UserId == user.Id).Select(r => CredentialRecords.TryRead(r, out var d) ? (Record: r, Data: d) : default).Where(c => c.Record is not null).ToList();
        if (candidates.Count == 0)
        {
            return ValueTask.FromResult(ChallengeBeginResult.Failure(MfaFailureReason.NotEnrolled));
        }

        var kinds = candidates.Select(c => c.Data.Kind).Distinct(StringComparer.Ordinal).ToList();
        var requireUv = _policy.UserVerification == UserVerificationRequirement.Required
            || (request is WebAuthnChallengeRequest { RequireUserVerification: true })
            || kinds.All(k => k == CredentialKinds.Device);
        var anyDevice = kinds.Contains(CredentialKinds.Device);
        var userVerification = requireUv ? UserVerificationRequirement.Required
            : anyDevice && _policy.UserVerification == UserVerificationRequirement.Discouraged ? UserVerificationRequirement.Preferred
            : _policy.UserVerification;
        string[] hints = anyDevice ? (kinds.Count == 1 ? ["client-device"] : []) : ["security-key"];
        var appId = candidates.Select(c => c.Data.AppId).FirstOrDefault(a => a is not null);
        var challenge = NewChallenge();
        var options = new RequestOptions
        {
            Challenge = challenge,
            AllowCredentials = [.. candidates.Select(c => new CredentialDescriptor(c.Record.CredentialId!, c.Data.Transports))],
            UserVerification = userVerification,
            Hints = hints,
            AppId = appId,
        };
        var state = new AssertionState
        {
            UserId = user.Id,
            Challenge = Encode(challenge),
            AllowCredentials = [.. candidates.Select(c => c.Record.CredentialId!)],
            RequireUserVerification = requireUv,
            AppId = appId,
        };
        return ValueTask.FromResult(ChallengeBeginResult.Begun(new WebAuthnChallengePrompt(options.ToJson(_policy)), CeremonyState.Write(state, WebAuthnJsonContext.Default.AssertionState)));
    }

    /// <summary>
    /// Begins a sign-in with a discoverable credential (passkey) before the user is known: request options with an empty
    /// <c>allowCredentials</c>. User verification follows <see cref="WebAuthnOptions.UserVerification"/> (device
    /// authenticators always verify); check <see cref="Mfa.Core.Service.MfaVerificationResult.UserVerified"/> before
    /// treating the sign-in as multi-factor.
    /// </summary>
    /// <param name="context">The challenge id, purpose and time.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The options and the state.</returns>
    public ValueTask<ChallengeBeginResult> BeginDiscoverableChallengeAsync(DiscoverableChallengeContext context, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var challenge = NewChallenge();
        var requireUv = _policy.UserVerification == UserVerificationRequirement.Required || request is WebAuthnChallengeRequest { RequireUserVerification: true };
        var options = new RequestOptions { Challenge = challenge, AllowCredentials = [], UserVerification = requireUv ? UserVerificationRequirement.Required : _policy.UserVerification };
        var state = new AssertionState { Challenge = Encode(challenge), AllowCredentials = [], RequireUserVerification = requireUv };
        return ValueTask.FromResult(ChallengeBeginResult.Begun(new WebAuthnChallengePrompt(options.ToJson(_policy)), CeremonyState.Write(state, WebAuthnJsonContext.Default.AssertionState)));
    }

    /// <summary>Reads the credential id from an assertion so the service can find its owner (nothing is verified yet).</summary>
    /// <param name="state">The challenge's state.</param>
    /// <param name="response">The browser's response.</param>
    /// <returns>The credential id (base64url), or a failure.</returns>
    public CredentialIdentification IdentifyCredential(ReadOnlyMemory<byte> state, ChallengeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response is not WebAuthnChallengeResponse webAuthn)
        {
            return CredentialIdentification.Failure(MfaFailureReason.MalformedInput, "Expected a WebAuthn challenge response.");
        }

        if (!FactorJson.TryRead(state.Span, WebAuthnJsonContext.Default.AssertionState, out var begun) || begun.UserId is not null)
        {
            return CredentialIdentification.Failure(MfaFailureReason.MalformedInput, "The authentication state is unreadable.");
        }

        return ResponseDecoder.TryDecodeAssertion(webAuthn.ResponseJson, out var decoded, out var message) && decoded is not null
            ? CredentialIdentification.Found(decoded.CredentialIdText)
            : CredentialIdentification.Failure(MfaFailureReason.MalformedInput, message);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs every step of WebAuthn L3 §7.2: allowCredentials, the credential's owner and user handle, client data type,
    /// challenge, origin, RP ID hash (or the AppID's, with the <c>appid</c> extension), UP, UV, BE/BS, signature and
    /// signature counter. On success the result carries the record with the new counter and backup state, which the
    /// MFA service writes back with the record's concurrency token (a concurrent change fails the sign-in).
    /// </remarks>
    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(ChallengeContext context, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        var user = context.User;
        var authenticators = context.Authenticators;
        if (response is not WebAuthnChallengeResponse webAuthn)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "Expected a WebAuthn challenge response."));
        }

        if (!FactorJson.TryRead(state.Span, WebAuthnJsonContext.Default.AssertionState, out var begun) || !TryDecodeChallenge(begun.Challenge, out var challenge))
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The authentication state is unreadable."));
        }

        // Begun for a user (second factor), or before the user was known (passkey sign-in; the service identified the
        // user from the credential and hands over that one record).
        var discoverable = begun.UserId is null;
        if (!discoverable && begun.UserId != user.Id)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.ChallengeMismatch));
        }

        if (!ResponseDecoder.TryDecodeAssertion(webAuthn.ResponseJson, out var decoded, out var message) || decoded is null)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, message));
        }

        // WebAuthn L3 §7.2 steps 5–24 (Ceremonies/AssertionProcedure.cs); this factor supplies step 6's lookup: the
        // user's account must hold a record with this credential id.
        AuthenticatorRecord? record = null;
        WebAuthnCredentialData? data = null;
        var expectation = new AssertionExpectation(challenge, begun.RequireUserVerification, begun.AppId);
        var outcome = AssertionProcedure.Verify(_policy, _keys, expectation, begun.AllowCredentials, decoded, FindRecord, userIdentifiedBefore: !discoverable);
        return Completed(Complete(record, data, outcome));

        MfaFailureReason FindRecord(DecodedAssertion assertion, out AssertionCredential credential, out string? failureMessage)
        {
            credential = default;
            failureMessage = null;
            record = authenticators.FirstOrDefault(r => r.UserId == user.Id && r.Kind == Kind && string.Equals(r.CredentialId, assertion.CredentialIdText, StringComparison.Ordinal));
            if (record is null)
            {
                return MfaFailureReason.UnknownAuthenticator;
            }

            if (!CredentialRecords.TryRead(record, out var read) || !ResponseDecoder.TryDecode(read.PublicKey, ResponseDecoder.MaxResponseLength, out var publicKey))
            {
                failureMessage = "The stored credential cannot be read.";
                return MfaFailureReason.UnsupportedAlgorithm;
            }

            data = read;
            byte[] owner = [];
            if (read.UserHandle is not null && !ResponseDecoder.TryDecode(read.UserHandle, ResponseDecoder.MaxUserHandleLength, out owner))
            {
                owner = [];
            }

            credential = new AssertionCredential(publicKey, owner, read.SignCount, read.BackupEligible, IsDevice: read.Kind == CredentialKinds.Device);
            return MfaFailureReason.None;
        }
    }

    private static ValueTask<ChallengeCompleteResult> Completed(ChallengeCompleteResult result) => ValueTask.FromResult(result);

    /// <summary>Logs what the procedure found and turns its outcome into the result, with the updated record on success.</summary>
    private ChallengeCompleteResult Complete(AuthenticatorRecord? record, WebAuthnCredentialData? data, in AssertionOutcome outcome)
    {
        if (record is null || data is null)
        {
            return ChallengeCompleteResult.Failure(outcome.Failure, outcome.Message, record);
        }

        if (outcome.Failure == MfaFailureReason.UserHandleMismatch)
        {
            WebAuthnLog.UserHandleMismatch(_logger, record.Id, record.UserId);
        }

        if (outcome.Failure == MfaFailureReason.CounterRollback || outcome.CounterRollback)
        {
            WebAuthnLog.CounterRollback(_logger, record.Id, record.UserId, outcome.ReportedSignCount, data.SignCount, accepted: outcome.Succeeded);
        }

        if (!outcome.Succeeded)
        {
            return ChallengeCompleteResult.Failure(outcome.Failure, outcome.Message, record);
        }

        // §7.2 step 23: the record updates itself (the counter, never lower, and the current backup state); the service
        // adds last-used and writes it back.
        var updated = data.AfterAssertion(outcome);
        var kind = CredentialKinds.TryParse(data.Kind, out var parsed) ? parsed : WebAuthnAuthenticatorKind.SecurityKey;
        var details = new WebAuthnVerificationDetails(outcome.ReportedSignCount, outcome.UserVerified, outcome.BackupState, outcome.CounterRollback, kind);
        return ChallengeCompleteResult.Verified(record, details, CredentialRecords.Write(updated), replaySteps: null);
    }
}
