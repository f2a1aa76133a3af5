using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;
using Mfa.WebAuthn.Diagnostics;

namespace Mfa.WebAuthn;

/// <summary>Authentication (WebAuthn L3 §7.2).</summary>
public sealed partial class WebAuthnFactor
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>allowCredentials</c> lists the given authenticators; user verification is required when the options or the
    /// request require it or when every candidate is a device authenticator; the <c>appid</c> extension is added when a
    /// legacy U2F key may answer.
    /// </remarks>
    public ValueTask<ChallengeBeginResult> BeginChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authenticators);
        ArgumentNullException.ThrowIfNull(request);
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
        ChallengeBeginResult result = new WebAuthnChallengeBeginResult(CeremonyState.Write(state, WebAuthnJsonContext.Default.AssertionState), options.ToJson(_policy));
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs every step of WebAuthn L3 §7.2: allowCredentials, the credential's owner and user handle, client data type,
    /// challenge, origin, RP ID hash (or the AppID's, with the <c>appid</c> extension), UP, UV, BE/BS, signature and
    /// signature counter. On success the result carries the record with the new counter and backup state, which the
    /// MFA service writes back with the record's concurrency token (a concurrent change fails the sign-in).
    /// </remarks>
    public ValueTask<ChallengeCompleteResult> CompleteChallengeAsync(MfaUser user, IReadOnlyList<AuthenticatorRecord> authenticators, ReadOnlyMemory<byte> state, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(authenticators);
        if (response is not WebAuthnChallengeResponse webAuthn)
        {
            throw new ArgumentException($"The WebAuthn factor takes a {nameof(WebAuthnChallengeResponse)}.", nameof(response));
        }

        if (!CeremonyState.TryRead(state, WebAuthnJsonContext.Default.AssertionState, out var begun) || !TryDecodeChallenge(begun.Challenge, out var challenge))
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, "The authentication state is unreadable."));
        }

        if (begun.UserId != user.Id)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.ChallengeMismatch));
        }

        if (!ResponseDecoder.TryDecodeAssertion(webAuthn.ResponseJson, out var decoded, out var message) || decoded is null)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.MalformedInput, message));
        }

        // If allowCredentials is not empty, verify that credential.id identifies one of the credentials listed in it.
        if (!CredentialAssertion.IsAllowed(begun.AllowCredentials, decoded.CredentialIdText))
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.CredentialNotAllowed));
        }

        // The user was identified before the ceremony: the user's account must hold a record with this credential id.
        var record = authenticators.FirstOrDefault(r => r.UserId == user.Id && r.Kind == Kind && string.Equals(r.CredentialId, decoded.CredentialIdText, StringComparison.Ordinal));
        if (record is null)
        {
            return Completed(ChallengeCompleteResult.Failure(MfaFailureReason.UnknownAuthenticator));
        }

        return Completed(VerifyAssertion(record, begun, challenge, decoded, requireUserHandle: false));
    }

    private static ValueTask<ChallengeCompleteResult> Completed(ChallengeCompleteResult result) => ValueTask.FromResult(result);

    /// <summary>Verifies an assertion against an identified record and returns the updated record on success.</summary>
    private ChallengeCompleteResult VerifyAssertion(AuthenticatorRecord record, AssertionState begun, byte[] challenge, DecodedAssertion decoded, bool requireUserHandle)
    {
        if (!CredentialRecords.TryRead(record, out var data) || !ResponseDecoder.TryDecode(data.PublicKey, ResponseDecoder.MaxResponseLength, out var publicKey))
        {
            return ChallengeCompleteResult.Failure(MfaFailureReason.UnsupportedAlgorithm, "The stored credential cannot be read.", record);
        }

        byte[] owner = [];
        if (data.UserHandle is not null && !ResponseDecoder.TryDecode(data.UserHandle, ResponseDecoder.MaxUserHandleLength, out owner))
        {
            owner = [];
        }

        var expectation = new AssertionExpectation(challenge, begun.RequireUserVerification || data.Kind == CredentialKinds.Device, begun.AppId);
        var stored = new StoredCredentialState(data.SignCount, data.BackupEligible);
        var outcome = CredentialAssertion.Verify(_policy, _keys, expectation, publicKey, stored, owner, decoded, requireUserHandle);
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

        // Update the record: the counter (never lower) and the current backup state; the service adds last-used.
        var updated = data with
        {
            SignCount = outcome.StoredSignCount,
            BackupState = outcome.BackupState,
            CounterRollbacks = outcome.CounterRollback ? data.CounterRollbacks + 1 : data.CounterRollbacks,
        };
        return new WebAuthnChallengeCompleteResult(record with { Data = CredentialRecords.Write(updated) }, outcome.ReportedSignCount, outcome.UserVerified, outcome.BackupState, outcome.CounterRollback);
    }
}
