using System.Diagnostics.CodeAnalysis;
using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Core.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Service;

/// <summary>The default <see cref="IMfaService"/>. Challenge flow in this file; enrollment, management and recovery in the others.</summary>
internal sealed partial class MfaService : IMfaService
{
    /// <summary>The size of pending challenge and enrollment ids (128 bits, base64url).</summary>
    private const int PendingIdBytes = 16;

    /// <summary>What logs show instead of an id that cannot be one of ours (attacker input of any length or content).</summary>
    private const string MalformedIdForLogs = "(malformed)";

    private readonly Dictionary<string, IFactor> _factors;
    private readonly IAuthenticatorStore _authenticators;
    private readonly IChallengeStore _challenges;
    private readonly IRecoveryCodeStore _recoveryCodes;
    private readonly IUserSettingsStore _userSettings;
    private readonly LockoutGuard _lockout;
    private readonly IOptions<MfaOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MfaService> _logger;

    public MfaService(
        IEnumerable<IFactor> factors,
        IAuthenticatorStore authenticators,
        IChallengeStore challenges,
        IRecoveryCodeStore recoveryCodes,
        IUserSettingsStore userSettings,
        IAttemptCounterStore attempts,
        IOptions<MfaOptions> options,
        TimeProvider time,
        ILogger<MfaService> logger)
    {
        ArgumentNullException.ThrowIfNull(factors);
        _factors = factors.ToDictionary(f => f.Kind, StringComparer.Ordinal);
        _authenticators = authenticators;
        _challenges = challenges;
        _recoveryCodes = recoveryCodes;
        _userSettings = userSettings;
        _options = options;
        _time = time;
        _logger = logger;
        _lockout = new LockoutGuard(attempts, options, time);
    }

    private MfaOptions Options => _options.Value;

    public async Task<MfaChallengeStart> BeginChallengeAsync(MfaUser user, ChallengeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.begin");
        activity?.SetTag("mfa.factor", request.Kind);

        if (!TryGetAllowedFactor(request.Kind, out var factor))
        {
            return MfaChallengeStart.Failure(MfaFailureReason.FactorNotAllowed);
        }

        var lockout = await _lockout.CheckUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return await LockedOutAsync(user.Id, request.Kind, lockout, retry => MfaChallengeStart.Failure(MfaFailureReason.LockedOut, retryAfter: retry)).ConfigureAwait(false);
        }

        var candidates = await CandidatesAsync(user.Id, request.Kind, request.AuthenticatorId, cancellationToken).ConfigureAwait(false);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return candidates.Failure == MfaFailureReason.LockedOut
                ? await LockedOutAsync(user.Id, request.Kind, new LockoutStatus(true, null), retry => MfaChallengeStart.Failure(MfaFailureReason.LockedOut, retryAfter: retry)).ConfigureAwait(false)
                : MfaChallengeStart.Failure(candidates.Failure);
        }

        var begun = await factor.BeginChallengeAsync(user, candidates.Records, request, cancellationToken).ConfigureAwait(false);
        if (!begun.Succeeded)
        {
            return MfaChallengeStart.Failure(begun.FailureReason, begun.Message);
        }

        var now = _time.GetUtcNow();
        var challenge = new PendingChallenge
        {
            Id = Base64Url.NewRandom(PendingIdBytes),
            Binding = new ChallengeBinding(user.Id, request.Kind, request.AuthenticatorId, request.Purpose.Value),
            CreatedAt = now,
            ExpiresAt = now + Options.ChallengeLifetime,
            State = begun.State,
        };
        await _challenges.CreateAsync(challenge, cancellationToken).ConfigureAwait(false);
        MfaInstrumentation.Begun(request.Kind);
        MfaLog.ChallengeBegun(_logger, challenge.Id, user.Id, request.Kind, request.Purpose.Value);
        return MfaChallengeStart.Success(challenge.Id, challenge.ExpiresAt, begun);
    }

    public async Task<MfaVerificationResult> CompleteChallengeAsync(MfaUser user, string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(response);
        var kind = response.Kind;
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.complete");
        activity?.SetTag("mfa.factor", kind);

        MfaVerificationResult Fail(MfaFailureReason reason, string? message = null, TimeSpan? retryAfter = null, ChallengeCompleteResult? details = null)
        {
            activity?.SetTag("mfa.failure", reason.ToString());
            return MfaVerificationResult.Failure(user.Id, kind, purpose, reason, message, challengeId, retryAfter, details);
        }

        if (!TryGetAllowedFactor(kind, out var factor))
        {
            return Fail(MfaFailureReason.FactorNotAllowed);
        }

        // A locked attempt never reaches the verifier, and does not burn the challenge. An admitted attempt is counted now;
        // a success resets the count.
        var lockout = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return await LockedOutAsync(user.Id, kind, lockout, retry => Fail(MfaFailureReason.LockedOut, retryAfter: retry)).ConfigureAwait(false);
        }

        // An id that cannot be one of ours is not looked up, and not echoed into logs (any length, any characters).
        if (!Base64Url.IsRandomIdShape(challengeId, PendingIdBytes))
        {
            await CountFailureAsync(user.Id, kind, authenticatorId: null, MfaFailureReason.ChallengeNotFound, MalformedIdForLogs, cancellationToken).ConfigureAwait(false);
            return Fail(MfaFailureReason.ChallengeNotFound);
        }

        var pending = await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
        var binding = new ChallengeBinding(user.Id, kind, pending?.Binding.AuthenticatorId, purpose.Value);

        // Consume first, atomically, with the binding the caller claims: a challenge begun for another user, factor
        // or purpose is not consumed (no one can burn another user's challenge), and two racing attempts cannot both pass.
        var consumed = pending is null ? null : await _challenges.TryConsumeAsync(challengeId, binding, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (consumed is null)
        {
            // Diagnose from a fresh read: a racing attempt on another server may have consumed it since the first read,
            // and that loser must hear "already used", not "expired".
            var current = pending is null ? null : await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
            var reason = Diagnose(current ?? pending, binding);
            await CountFailureAsync(user.Id, kind, authenticatorId: null, reason, challengeId, cancellationToken).ConfigureAwait(false);
            return Fail(reason);
        }

        var candidates = await CandidatesAsync(user.Id, kind, consumed.Binding.AuthenticatorId, cancellationToken).ConfigureAwait(false);
        if (candidates.Failure != MfaFailureReason.None)
        {
            return candidates.Failure == MfaFailureReason.LockedOut
                ? await LockedOutAsync(user.Id, kind, new LockoutStatus(true, null), retry => Fail(MfaFailureReason.LockedOut, retryAfter: retry)).ConfigureAwait(false)
                : Fail(candidates.Failure);
        }

        var verified = await factor.CompleteChallengeAsync(user, candidates.Records, consumed.State, response, cancellationToken).ConfigureAwait(false);
        if (!verified.Succeeded)
        {
            await CountFailureAsync(user.Id, kind, verified.Authenticator?.Id ?? consumed.Binding.AuthenticatorId, verified.FailureReason, challengeId, cancellationToken).ConfigureAwait(false);

            // A guess the factor checked against several authenticators without naming one (a code tried against each of the
            // user's TOTP apps) is a consecutive failure of each of them: NIST SP 800-63B's limit holds per authenticator.
            if (verified.Authenticator is null && consumed.Binding.AuthenticatorId is null)
            {
                foreach (var attempted in verified.AttemptedAuthenticators.Where(a => candidates.Records.Any(r => r.Id == a.Id)))
                {
                    await CountAuthenticatorFailureAsync(user.Id, kind, attempted.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            return Fail(verified.FailureReason, verified.Message, details: verified);
        }

        // Defence in depth: a factor can only answer with one of the candidates it was given.
        var used = verified.Authenticator;
        var candidate = candidates.Records.FirstOrDefault(r => r.Id == used.Id);
        if (candidate is null || used.UserId != user.Id || used.Kind != kind)
        {
            await CountFailureAsync(user.Id, kind, authenticatorId: null, MfaFailureReason.UnknownAuthenticator, challengeId, cancellationToken).ConfigureAwait(false);
            return Fail(MfaFailureReason.UnknownAuthenticator);
        }

        var now = _time.GetUtcNow();
        if (!await WriteBackAsync(verified.AuthenticatorChanged ? used : candidate, verified.AuthenticatorChanged, now, cancellationToken).ConfigureAwait(false))
        {
            await CountFailureAsync(user.Id, kind, used.Id, MfaFailureReason.ConcurrencyConflict, challengeId, cancellationToken).ConfigureAwait(false);
            return Fail(MfaFailureReason.ConcurrencyConflict);
        }

        await _lockout.RecordSuccessAsync(user.Id, used.Id, cancellationToken).ConfigureAwait(false);
        MfaInstrumentation.Succeeded(kind);
        MfaLog.ChallengeSucceeded(_logger, challengeId, user.Id, kind, used.Id, purpose.Value);
        return MfaVerificationResult.Success(user.Id, kind, purpose, used.Id, challengeId, now, verified);
    }

    private static MfaFailureReason Diagnose(PendingChallenge? pending, ChallengeBinding claimed)
    {
        if (pending is null)
        {
            return MfaFailureReason.ChallengeNotFound;
        }

        if (pending.Binding != claimed)
        {
            return MfaFailureReason.ChallengeMismatch;
        }

        return pending.Consumed ? MfaFailureReason.ChallengeAlreadyUsed : MfaFailureReason.Expired;
    }

    /// <summary>Writes the authenticator back after a success: factor changes (counters) must win the concurrency check; last-used time is best effort.</summary>
    private async Task<bool> WriteBackAsync(AuthenticatorRecord record, bool factorChanged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await _authenticators.TryUpdateAsync(record with { LastUsedAt = now }, cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        if (factorChanged)
        {
            return false;
        }

        var fresh = await _authenticators.FindByIdAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (fresh is not null)
        {
            await _authenticators.TryUpdateAsync(fresh with { LastUsedAt = now }, cancellationToken).ConfigureAwait(false);
        }

        return true;
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

    private Task<T> LockedOutAsync<T>(string userId, string kind, LockoutStatus status, Func<TimeSpan?, T> result)
    {
        MfaInstrumentation.Lockout(kind);
        MfaLog.LockedOut(_logger, userId, status.RetryAfter is { } retry ? _time.GetUtcNow() + retry : null);
        return Task.FromResult(result(status.RetryAfter));
    }

    /// <summary>The user's authenticators of a kind that may answer a challenge: not hard-locked, and the bound one only if bound.</summary>
    private async Task<(MfaFailureReason Failure, IReadOnlyList<AuthenticatorRecord> Records)> CandidatesAsync(string userId, string kind, string? authenticatorId, CancellationToken cancellationToken)
    {
        var all = await _authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var ofKind = all.Where(r => r.Kind == kind && (authenticatorId is null || r.Id == authenticatorId)).ToList();
        if (ofKind.Count == 0)
        {
            return (authenticatorId is null ? MfaFailureReason.NotEnrolled : MfaFailureReason.UnknownAuthenticator, []);
        }

        var open = new List<AuthenticatorRecord>(ofKind.Count);
        foreach (var record in ofKind)
        {
            if (!await _lockout.IsAuthenticatorLockedAsync(record.Id, cancellationToken).ConfigureAwait(false))
            {
                open.Add(record);
            }
        }

        return open.Count == 0 ? (MfaFailureReason.LockedOut, []) : (MfaFailureReason.None, open);
    }

    private bool TryGetAllowedFactor(string kind, [NotNullWhen(true)] out IFactor? factor)
    {
        factor = _factors.GetValueOrDefault(kind);
        return factor is not null && (Options.AllowedFactors.Count == 0 || Options.AllowedFactors.Contains(kind));
    }
}
