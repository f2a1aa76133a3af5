using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Core.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Service;

/// <summary>
/// The default <see cref="IMfaService"/>: it owns every pending challenge's life cycle (begun → answered → consumed, or
/// expired). Challenge flow in this file; out-of-band answers, username-less challenges, enrollment, management and
/// recovery in the others.
/// </summary>
internal sealed partial class MfaService : IMfaService
{
    /// <summary>The size of pending challenge and enrollment ids (128 bits, base64url).</summary>
    private const int PendingIdBytes = 16;

    /// <summary>What logs show instead of an id that cannot be one of ours (attacker input of any length or content).</summary>
    private const string MalformedIdForLogs = "(malformed)";

    /// <summary>How many times a write-back that lost to a concurrent change is re-read and re-checked before it fails.</summary>
    private const int MaxRechecks = 3;

    private readonly Dictionary<string, IFactor> _factors;
    private readonly IAuthenticatorStore _authenticators;
    private readonly IChallengeStore _challenges;
    private readonly IReplayGuardStore _replayGuard;
    private readonly IRecoveryCodeStore _recoveryCodes;
    private readonly IUserSettingsStore _userSettings;
    private readonly ISignInStore _signIn;
    private readonly IEnrollmentStore _enrollments;
    private readonly IMfaClientRateLimiter _clientLimiter;
    private readonly LockoutGuard _lockout;
    private readonly IOptions<MfaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MfaService> _logger;
    private readonly IMfaUserDirectory? _userDirectory;

    public MfaService(
        IEnumerable<IFactor> factors,
        IAuthenticatorStore authenticators,
        IChallengeStore challenges,
        IReplayGuardStore replayGuard,
        IRecoveryCodeStore recoveryCodes,
        IUserSettingsStore userSettings,
        IAttemptCounterStore attempts,
        ISignInStore signIn,
        IMfaClientRateLimiter clientLimiter,
        IOptions<MfaOptions> options,
        TimeProvider time,
        ILogger<MfaService> logger,
        IEnrollmentStore enrollments,
        IMfaUserDirectory? userDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(factors);
        _factors = factors.ToDictionary(f => f.Kind, StringComparer.Ordinal);
        _authenticators = authenticators;
        _challenges = challenges;
        _replayGuard = replayGuard;
        _recoveryCodes = recoveryCodes;
        _userSettings = userSettings;
        _signIn = signIn;
        _enrollments = enrollments;
        _clientLimiter = clientLimiter;
        _options = options;
        _time = time;
        _logger = logger;
        _userDirectory = userDirectory;
        _lockout = new LockoutGuard(attempts, options, time);
    }

    private MfaOptions Options => _options.Value;

    public Task<MfaChallengeStart<ChallengePrompt>> BeginChallengeAsync(MfaUser user, ChallengeRequest request, CancellationToken cancellationToken = default) =>
        GuardedAsync(user?.Id, () => BeginChallengeCoreAsync<ChallengePrompt>(user!, request, cancellationToken), static reason => MfaChallengeStart<ChallengePrompt>.Failure(reason));

    public Task<MfaChallengeStart<TPrompt>> BeginChallengeAsync<TPrompt>(MfaUser user, ChallengeRequest<TPrompt> request, CancellationToken cancellationToken = default)
        where TPrompt : ChallengePrompt =>
        GuardedAsync(user?.Id, () => BeginChallengeCoreAsync<TPrompt>(user!, request, cancellationToken), static reason => MfaChallengeStart<TPrompt>.Failure(reason));

    public Task<MfaVerificationResult> CompleteChallengeAsync(MfaUser user, string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken = default) =>
        GuardedAsync(
            user?.Id,
            () => CompleteChallengeCoreAsync(user!, challengeId, purpose, response, cancellationToken),
            reason => MfaVerificationResult.Failure(user!.Id, response!.Kind, purpose, reason, challengeId: challengeId));

    private async Task<MfaVerificationResult> CompleteChallengeCoreAsync(MfaUser user, string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(response);
        var kind = response.Kind;
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.complete");
        activity?.SetTag("mfa.factor", kind);
        var fail = Failer(user.Id, kind, purpose, challengeId, activity);

        if (!TryGetAllowedFactor(kind, out var factor))
        {
            return fail(MfaFailureReason.FactorNotAllowed, null, null);
        }

        if (factor is IOutOfBandFactor)
        {
            return await CompleteOutOfBandAsync(user, factor, challengeId, purpose, response, fail, cancellationToken).ConfigureAwait(false);
        }

        // An id that cannot be one of ours is not looked up, and not echoed into logs (any length, any characters); the
        // attempt still counts.
        if (!Base64Url.IsRandomIdShape(challengeId, PendingIdBytes))
        {
            var admitted = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
            if (admitted.IsLockedOut)
            {
                return LockedOut(user.Id, kind, admitted, retry => fail(MfaFailureReason.LockedOut, null, retry));
            }

            await CountFailureAsync(user.Id, kind, authenticatorId: null, MfaFailureReason.ChallengeNotFound, MalformedIdForLogs, cancellationToken).ConfigureAwait(false);
            return fail(MfaFailureReason.ChallengeNotFound, null, null);
        }

        // One round trip: admit and count the attempt (a locked attempt never reaches the verifier, counts nothing and
        // does not burn the challenge), consume the challenge atomically with the binding the caller claims (a challenge
        // begun for another user, factor or purpose is not consumed, and two racing attempts cannot both pass), and read
        // the candidate authenticators with their lock state. A success resets the count.
        var admission = await _signIn.AdmitAndConsumeAsync(_lockout.Attempt(challengeId, user.Id, kind, purpose.Value), cancellationToken).ConfigureAwait(false);
        if (!admission.Admitted)
        {
            var status = _lockout.UserStatus(admission.UserCounter, _time.GetUtcNow());
            return LockedOut(user.Id, kind, status with { IsLockedOut = true }, retry => fail(MfaFailureReason.LockedOut, null, retry));
        }

        if (admission.Consumed is not { } consumed)
        {
            var pending = admission.Current;
            var reason = Diagnose(pending, new ChallengeBinding(user.Id, kind, pending?.Binding.AuthenticatorId, purpose.Value));
            await CountFailureAsync(user.Id, kind, authenticatorId: null, reason, challengeId, cancellationToken).ConfigureAwait(false);
            return fail(reason, null, null);
        }

        var candidates = OpenCandidates(admission.Authenticators, consumed.Binding.AuthenticatorId);
        return await VerifyConsumedAsync(user, factor, consumed, purpose, response, fail, candidates, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MfaChallengeStart<TPrompt>> BeginChallengeCoreAsync<TPrompt>(MfaUser user, ChallengeRequest request, CancellationToken cancellationToken)
        where TPrompt : ChallengePrompt
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.begin");
        activity?.SetTag("mfa.factor", request.Kind);

        if (!TryGetAllowedFactor(request.Kind, out var factor))
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.FactorNotAllowed);
        }

        if (request.AuthenticatorId is { } requested && !AuthenticatorNames.IsWellFormed(requested))
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.UnknownAuthenticator);
        }

        // One read: the user's throttle, and the authenticators with their lock state.
        var read = await _signIn.ReadCandidatesAsync(user.Id, request.Kind, LockoutGuard.SignInKeys(user.Id), cancellationToken).ConfigureAwait(false);
        var lockout = _lockout.UserStatus(read.UserCounter, _time.GetUtcNow());
        if (lockout.IsLockedOut)
        {
            return LockedOut(user.Id, request.Kind, lockout, retry => MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.LockedOut, retryAfter: retry));
        }

        var candidates = OpenCandidates(read.Authenticators, request.AuthenticatorId);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return candidates.Failure == MfaFailureReason.LockedOut
                ? LockedOut(user.Id, request.Kind, new LockoutStatus(true, null), retry => MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.LockedOut, retryAfter: retry))
                : MfaChallengeStart<TPrompt>.Failure(candidates.Failure);
        }

        var now = _time.GetUtcNow();
        var id = Base64Url.NewRandom(PendingIdBytes);
        var expiresAt = now + Options.ChallengeLifetime;
        var context = new ChallengeContext(user, id, request.Purpose, now, expiresAt, candidates.Records);
        var begun = await factor.BeginChallengeAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (!begun.Succeeded)
        {
            return MfaChallengeStart<TPrompt>.Failure(begun.FailureReason, begun.Message);
        }

        // A request typed for another factor's prompt (a host mixing up factors) is input, not a bug: a typed failure.
        if (begun.Prompt is not TPrompt prompt)
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.MalformedInput, "The request does not fit this factor.");
        }

        await _challenges.CreateAsync(NewPending(id, new ChallengeBinding(user.Id, request.Kind, request.AuthenticatorId, request.Purpose.Value), now, expiresAt, begun.State), cancellationToken).ConfigureAwait(false);
        MfaInstrumentation.Begun(request.Kind);
        MfaLog.ChallengeBegun(_logger, id, user.Id, request.Kind, request.Purpose.Value);
        return MfaChallengeStart<TPrompt>.Success(id, expiresAt, prompt);
    }

    /// <summary>
    /// Verifies the response of a consumed challenge with the factor, then applies the outcome; <c>read</c> holds the
    /// candidates when they were read with the consume (<see langword="null"/>: read them now).
    /// </summary>
    private async Task<MfaVerificationResult> VerifyConsumedAsync(MfaUser user, IFactor factor, PendingChallenge consumed, MfaPurpose purpose, ChallengeResponse response, Fail fail, (MfaFailureReason Failure, IReadOnlyList<AuthenticatorRecord> Records)? read, CancellationToken cancellationToken)
    {
        var kind = factor.Kind;
        var candidates = read ?? await CandidatesAsync(user.Id, kind, consumed.Binding.AuthenticatorId, cancellationToken).ConfigureAwait(false);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return candidates.Failure == MfaFailureReason.LockedOut
                ? LockedOut(user.Id, kind, new LockoutStatus(true, null), retry => fail(MfaFailureReason.LockedOut, null, retry))
                : fail(candidates.Failure, null, null);
        }

        var context = new ChallengeContext(user, consumed.Id, purpose, _time.GetUtcNow(), consumed.ExpiresAt, candidates.Records) { Answer = consumed.Answer, AnsweredAt = consumed.AnsweredAt };
        if (factor is ICounterFactor)
        {
            context = context with { LastReplaySteps = await LastReplayStepsAsync(candidates.Records, cancellationToken).ConfigureAwait(false) };
        }

        var verified = await factor.CompleteChallengeAsync(context, consumed.State, response, cancellationToken).ConfigureAwait(false);
        if (verified.IsPending)
        {
            // Only out-of-band factors may answer "pending", and their challenges are not consumed before the outcome is known.
            await CountFailureAsync(user.Id, kind, authenticatorId: null, MfaFailureReason.WrongFactorFlow, consumed.Id, cancellationToken).ConfigureAwait(false);
            return fail(MfaFailureReason.WrongFactorFlow, null, null);
        }

        // Re-read and re-check on a conflict: the factor verifies the same response against the record as it is now (a
        // racing assertion with a higher WebAuthn counter may have landed first: this one then fails as a rollback).
        Task<ChallengeCompleteResult> RecheckAsync(AuthenticatorRecord fresh) =>
            factor.CompleteChallengeAsync(context with { Authenticators = [fresh], Now = _time.GetUtcNow() }, consumed.State, response, cancellationToken).AsTask();

        return await ApplyOutcomeAsync(user, kind, purpose, consumed, candidates.Records, verified, fail, cancellationToken, RecheckAsync).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies a terminal outcome of a consumed challenge: counts a failure toward the user's throttle and the
    /// authenticators' hard locks, or applies the factor's state changes (replay guard, record data) and the write-back.
    /// <c>recheck</c> verifies the response again against a fresh record after a conflict (<see langword="null"/>: fail on a conflict).
    /// </summary>
    private async Task<MfaVerificationResult> ApplyOutcomeAsync(MfaUser user, string kind, MfaPurpose purpose, PendingChallenge consumed, IReadOnlyList<AuthenticatorRecord> candidates, ChallengeCompleteResult verified, Fail fail, CancellationToken cancellationToken, Func<AuthenticatorRecord, Task<ChallengeCompleteResult>>? recheck = null)
    {
        var challengeId = consumed.Id;
        if (!verified.Succeeded)
        {
            await CountFailureAsync(user.Id, kind, verified.Authenticator?.Id ?? consumed.Binding.AuthenticatorId, verified.FailureReason, challengeId, cancellationToken).ConfigureAwait(false);

            // A guess the factor checked against several authenticators without naming one (a code tried against each of the
            // user's TOTP apps) is a consecutive failure of each of them: NIST SP 800-63B's limit holds per authenticator.
            if (verified.Authenticator is null && consumed.Binding.AuthenticatorId is null)
            {
                foreach (var attempted in verified.AttemptedAuthenticators.Where(a => candidates.Any(r => r.Id == a.Id)))
                {
                    await CountAuthenticatorFailureAsync(user.Id, kind, attempted.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            return fail(verified.FailureReason, verified.Message, null);
        }

        // Defence in depth: a factor can only answer with one of the candidates it was given.
        var candidate = candidates.FirstOrDefault(r => r.Id == verified.Authenticator.Id);
        if (candidate is null || candidate.UserId != user.Id || candidate.Kind != kind)
        {
            await CountFailureAsync(user.Id, kind, authenticatorId: null, MfaFailureReason.UnknownAuthenticator, challengeId, cancellationToken).ConfigureAwait(false);
            return fail(MfaFailureReason.UnknownAuthenticator, null, null);
        }

        // One write: RFC 6238 §5.2 (a verifier MUST NOT accept the second attempt of the same OTP): the store advances the
        // last accepted step atomically (of racing requests with one code exactly one passes); with several matching steps,
        // the earliest one later than the last accepted step is taken, so the user's next code is not refused as a replay.
        // Factor changes (a WebAuthn counter) are written guarded by the record's version, last use and counter resets with them.
        for (var attempt = 0; ; attempt++)
        {
            var now = _time.GetUtcNow();
            var keys = new[] { LockoutGuard.UserKey(user.Id), LockoutGuard.AuthenticatorKey(candidate.Id) };
            var written = await _signIn.ApplySuccessAsync(new SignInSuccess(candidate, verified.UpdatedData, verified.ReplaySteps, now, keys), cancellationToken).ConfigureAwait(false);
            if (written == SignInWriteBack.Applied)
            {
                MfaInstrumentation.Succeeded(kind);
                MfaLog.ChallengeSucceeded(_logger, challengeId, user.Id, kind, candidate.Id, purpose.Value);
                return MfaVerificationResult.Success(user.Id, kind, purpose, candidate.Id, challengeId, now, verified.Details);
            }

            var reason = written == SignInWriteBack.Replayed ? MfaFailureReason.Replayed : MfaFailureReason.ConcurrencyConflict;
            var fresh = reason == MfaFailureReason.ConcurrencyConflict && recheck is not null && attempt < MaxRechecks
                ? await _authenticators.FindByIdAsync(candidate.Id, cancellationToken).ConfigureAwait(false)
                : null;
            if (fresh is not null && fresh.UserId == user.Id && fresh.Kind == kind)
            {
                verified = await recheck!(fresh).ConfigureAwait(false);
                if (verified.Succeeded && verified.Authenticator.Id == fresh.Id)
                {
                    candidate = fresh;
                    continue;
                }

                reason = verified.Succeeded ? MfaFailureReason.UnknownAuthenticator : verified.FailureReason;
            }

            await CountFailureAsync(user.Id, kind, candidate.Id, reason, challengeId, cancellationToken).ConfigureAwait(false);
            return fail(reason, null, null);
        }
    }

    /// <summary>
    /// Why a consume or answer was refused, from a fresh read: a racing attempt on another server may have consumed the
    /// challenge since the first read, and that loser must hear "already used", not "expired".
    /// </summary>
    private async Task<MfaFailureReason> DiagnoseAfterRefusalAsync(string challengeId, PendingChallenge? first, ChallengeBinding claimed, CancellationToken cancellationToken)
    {
        var current = first is null ? null : await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
        return Diagnose(current ?? first, claimed);
    }

    private MfaFailureReason Diagnose(PendingChallenge? pending, ChallengeBinding claimed)
    {
        if (pending is null)
        {
            return MfaFailureReason.ChallengeNotFound;
        }

        if (pending.Binding != claimed)
        {
            return MfaFailureReason.ChallengeMismatch;
        }

        return pending.StateAt(_time.GetUtcNow()) switch
        {
            PendingChallengeState.Consumed => MfaFailureReason.ChallengeAlreadyUsed,
            PendingChallengeState.Expired => MfaFailureReason.Expired,
            _ => MfaFailureReason.ChallengeAlreadyUsed,
        };
    }

    private async Task CountFailureAsync(string userId, string kind, string? authenticatorId, MfaFailureReason reason, string challengeId, CancellationToken cancellationToken)
    {
        MfaInstrumentation.Failed(kind, reason);
        MfaLog.ChallengeFailed(_logger, challengeId, userId, kind, reason);
        // The user's attempt was counted when it was admitted; the authenticator's consecutive failures are counted here.
        if (authenticatorId is not null)
        {
            await CountAuthenticatorFailureAsync(userId, kind, authenticatorId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CountAuthenticatorFailureAsync(string userId, string kind, string authenticatorId, CancellationToken cancellationToken)
    {
        if (await _lockout.RecordAuthenticatorFailureAsync(authenticatorId, cancellationToken).ConfigureAwait(false))
        {
            MfaInstrumentation.Lockout(kind);
            MfaLog.AuthenticatorHardLocked(_logger, authenticatorId, userId, Options.HardLockThreshold);
        }
    }

    private T LockedOut<T>(string userId, string kind, LockoutStatus status, Func<TimeSpan?, T> result)
    {
        MfaInstrumentation.Lockout(kind);
        MfaLog.LockedOut(_logger, userId, status.RetryAfter is { } retry ? _time.GetUtcNow() + retry : null);
        return result(status.RetryAfter);
    }

    /// <summary>The user's authenticators of a kind that may answer a challenge: not hard-locked, and the bound one only if bound.</summary>
    private async Task<(MfaFailureReason Failure, IReadOnlyList<AuthenticatorRecord> Records)> CandidatesAsync(string userId, string kind, string? authenticatorId, CancellationToken cancellationToken)
    {
        var read = await _signIn.ReadCandidatesAsync(userId, kind, LockoutGuard.SignInKeys(userId), cancellationToken).ConfigureAwait(false);
        return OpenCandidates(read.Authenticators, authenticatorId);
    }

    /// <summary>Of the user's authenticators of a kind read with their lock state: those not hard-locked, and the bound one only if bound.</summary>
    private (MfaFailureReason Failure, IReadOnlyList<AuthenticatorRecord> Records) OpenCandidates(IReadOnlyList<SignInCandidate> ofKind, string? authenticatorId)
    {
        var matching = ofKind.Where(c => authenticatorId is null || c.Record.Id == authenticatorId).ToList();
        if (matching.Count == 0)
        {
            return (authenticatorId is null ? MfaFailureReason.NotEnrolled : MfaFailureReason.UnknownAuthenticator, []);
        }

        var open = matching.Where(c => !_lockout.IsHardLocked(c.ConsecutiveFailures)).Select(c => c.Record).ToList();
        return open.Count == 0 ? (MfaFailureReason.LockedOut, []) : (MfaFailureReason.None, open);
    }

    private bool TryGetAllowedFactor(string kind, [NotNullWhen(true)] out IFactor? factor)
    {
        factor = _factors.GetValueOrDefault(kind);
        return factor is not null && (Options.AllowedFactors.Count == 0 || Options.AllowedFactors.Contains(kind));
    }

    private static PendingChallenge NewPending(string id, ChallengeBinding binding, DateTimeOffset now, DateTimeOffset expiresAt, ReadOnlyMemory<byte> state) => new()
    {
        Id = id,
        Binding = binding,
        CreatedAt = now,
        ExpiresAt = expiresAt,
        State = state,
    };

    private static Fail Failer(string userId, string kind, MfaPurpose purpose, string challengeId, Activity? activity) => (reason, message, retryAfter) =>
    {
        activity?.SetTag("mfa.failure", reason.ToString());
        return MfaVerificationResult.Failure(userId, kind, purpose, reason, message, challengeId, retryAfter);
    };

    /// <summary>Builds a failed verification result for the current call (and tags the trace).</summary>
    private delegate MfaVerificationResult Fail(MfaFailureReason reason, string? message, TimeSpan? retryAfter);

    /// <summary>A counter factor's window starts after each candidate's last accepted step (an HOTP token's counter).</summary>
    private async Task<IReadOnlyDictionary<string, long>> LastReplayStepsAsync(IReadOnlyList<AuthenticatorRecord> candidates, CancellationToken cancellationToken)
    {
        var steps = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (await _replayGuard.GetLastStepAsync(candidate.Id, cancellationToken).ConfigureAwait(false) is { } step)
            {
                steps[candidate.Id] = step;
            }
        }

        return steps;
    }
}
