using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Core.Throttling;

namespace Mfa.Core.Service;

/// <summary>Out-of-band challenges: recording the answering party's answer once, and polling until it arrives.</summary>
internal sealed partial class MfaService
{
    public Task<MfaAnswerResult> AnswerChallengeAsync(string challengeId, ChallengeAnswer answer, CancellationToken cancellationToken = default) =>
        GuardedAsync(userId: null, () => AnswerChallengeCoreAsync(challengeId, answer, cancellationToken), static reason => MfaAnswerResult.Failure(reason));

    private async Task<MfaAnswerResult> AnswerChallengeCoreAsync(string challengeId, ChallengeAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(answer);
        var kind = answer.Kind;
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.answer");
        activity?.SetTag("mfa.factor", kind);

        string? userId = null;
        MfaAnswerResult Refused(MfaFailureReason reason, string? message = null)
        {
            activity?.SetTag("mfa.failure", reason.ToString());
            MfaInstrumentation.Failed(kind, reason);
            MfaLog.AnswerRefused(_logger, Base64Url.IsRandomIdShape(challengeId, PendingIdBytes) ? challengeId : MalformedIdForLogs, kind, userId ?? "(unknown)", reason);
            return MfaAnswerResult.Failure(reason, message);
        }

        if (!TryGetAllowedFactor(kind, out var factor))
        {
            return Refused(MfaFailureReason.FactorNotAllowed);
        }

        if (factor is not IOutOfBandFactor outOfBand)
        {
            return Refused(MfaFailureReason.WrongFactorFlow);
        }

        if (!Base64Url.IsRandomIdShape(challengeId, PendingIdBytes))
        {
            return Refused(MfaFailureReason.ChallengeNotFound);
        }

        var pending = await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (pending is null || pending.Binding.Purpose == EnrollmentCeremonyPurpose || pending.Binding.UserId.Length == 0)
        {
            return Refused(MfaFailureReason.ChallengeNotFound);
        }

        if (pending.Binding.FactorKind != kind)
        {
            return Refused(MfaFailureReason.ChallengeMismatch);
        }

        userId = pending.Binding.UserId;
        var now = _time.GetUtcNow();
        var refusal = StateRefusal(pending.StateAt(now));
        if (refusal != MfaFailureReason.None)
        {
            return Refused(refusal);
        }

        var candidates = await CandidatesAsync(userId, kind, pending.Binding.AuthenticatorId, cancellationToken).ConfigureAwait(false);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return Refused(candidates.Failure);
        }

        var context = new ChallengeContext(new MfaUser(userId, userId), challengeId, MfaPurpose.Parse(pending.Binding.Purpose), now, pending.ExpiresAt, candidates.Records);
        var verdict = await outOfBand.VerifyAnswerAsync(context, pending.State, answer, cancellationToken).ConfigureAwait(false);
        if (!verdict.Succeeded)
        {
            return Refused(verdict.FailureReason, verdict.Message);
        }

        if (!candidates.Records.Any(r => r.Id == verdict.Authenticator.Id))
        {
            return Refused(MfaFailureReason.UnknownAuthenticator);
        }

        // At most one answer, atomically: of racing answers exactly one is recorded.
        var recorded = await _challenges.TryAnswerAsync(challengeId, kind, verdict.Record, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            var current = await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
            var reason = current is null ? MfaFailureReason.ChallengeNotFound : StateRefusal(current.StateAt(_time.GetUtcNow()));
            return Refused(reason == MfaFailureReason.None ? MfaFailureReason.AlreadyAnswered : reason);
        }

        if (verdict.Outcome == ChallengeAnswerOutcome.FraudReported)
        {
            MfaLog.FraudReported(_logger, challengeId, userId, kind, verdict.Authenticator.Id);
        }

        MfaLog.ChallengeAnswered(_logger, challengeId, userId, kind, verdict.Authenticator.Id, verdict.Outcome);
        return MfaAnswerResult.Recorded(verdict.Outcome);
    }

    /// <summary>
    /// Completes an out-of-band challenge: a poll that finds no outcome yet consumes nothing and counts no attempt; the
    /// first terminal outcome is counted and consumes the challenge exactly once.
    /// </summary>
    private async Task<MfaVerificationResult> CompleteOutOfBandAsync(MfaUser user, IFactor factor, string challengeId, MfaPurpose purpose, ChallengeResponse response, Fail fail, CancellationToken cancellationToken)
    {
        var kind = factor.Kind;
        var lockout = await _lockout.CheckUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return LockedOut(user.Id, kind, lockout, retry => fail(MfaFailureReason.LockedOut, null, retry));
        }

        var pending = Base64Url.IsRandomIdShape(challengeId, PendingIdBytes)
            ? await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false)
            : null;
        var claimed = new ChallengeBinding(user.Id, kind, pending?.Binding.AuthenticatorId, purpose.Value);
        if (pending is null || pending.Binding != claimed)
        {
            // Probing for other users' challenges is an attempt like a wrong code.
            await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
            var reason = Diagnose(pending, claimed);
            await CountFailureAsync(user.Id, kind, authenticatorId: null, reason, pending is null ? MalformedIdForLogs : challengeId, cancellationToken).ConfigureAwait(false);
            return fail(reason, null, null);
        }

        var refusal = pending.StateAt(_time.GetUtcNow()) switch
        {
            PendingChallengeState.Consumed => MfaFailureReason.ChallengeAlreadyUsed,
            PendingChallengeState.Expired => MfaFailureReason.Expired,
            _ => MfaFailureReason.None,
        };
        if (refusal != MfaFailureReason.None)
        {
            return fail(refusal, null, null);
        }

        var candidates = await CandidatesAsync(user.Id, kind, pending.Binding.AuthenticatorId, cancellationToken).ConfigureAwait(false);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return candidates.Failure == MfaFailureReason.LockedOut
                ? LockedOut(user.Id, kind, new LockoutStatus(true, null), retry => fail(MfaFailureReason.LockedOut, null, retry))
                : fail(candidates.Failure, null, null);
        }

        var context = new ChallengeContext(user, challengeId, purpose, _time.GetUtcNow(), pending.ExpiresAt, candidates.Records) { Answer = pending.Answer, AnsweredAt = pending.AnsweredAt };
        var verified = await factor.CompleteChallengeAsync(context, pending.State, response, cancellationToken).ConfigureAwait(false);
        if (verified.IsPending)
        {
            return MfaVerificationResult.Waiting(user.Id, kind, purpose, challengeId, verified.PollInterval);
        }

        // Terminal: counted as an attempt, then consumed exactly once (a racing poll that saw the same answer loses here).
        var admitted = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (admitted.IsLockedOut)
        {
            return LockedOut(user.Id, kind, admitted, retry => fail(MfaFailureReason.LockedOut, null, retry));
        }

        var consumed = await _challenges.TryConsumeAsync(challengeId, pending.Binding, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (consumed is null)
        {
            var reason = await DiagnoseAfterRefusalAsync(challengeId, pending, pending.Binding, cancellationToken).ConfigureAwait(false);
            await CountFailureAsync(user.Id, kind, authenticatorId: null, reason, challengeId, cancellationToken).ConfigureAwait(false);
            return fail(reason, null, null);
        }

        return await ApplyOutcomeAsync(user, kind, purpose, consumed, candidates.Records, verified, fail, cancellationToken).ConfigureAwait(false);
    }

    private static MfaFailureReason StateRefusal(PendingChallengeState state) => state switch
    {
        PendingChallengeState.Consumed => MfaFailureReason.ChallengeAlreadyUsed,
        PendingChallengeState.Expired => MfaFailureReason.Expired,
        PendingChallengeState.Answered => MfaFailureReason.AlreadyAnswered,
        _ => MfaFailureReason.None,
    };
}
