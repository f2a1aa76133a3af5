namespace Mfa.Core.Storage;

/// <summary>
/// <see cref="ISignInStore"/> composed from the single-purpose stores, one atomic call after another: the in-memory
/// stores use it, and so does any store package that brings no batched implementation. Each step keeps its own store's
/// guarantee (an atomic increment, an atomic consume, a monotonic guard, a version-guarded update).
/// </summary>
internal sealed class ComposedSignInStore(
    IAttemptCounterStore counters,
    IChallengeStore challenges,
    IAuthenticatorStore authenticators,
    IReplayGuardStore replayGuard) : ISignInStore
{
    /// <summary>Whether a counter throttles at <paramref name="now"/>: the window's attempts are used up and the window has not ended.</summary>
    public static bool Throttles(AttemptCounter counter, int maxFailures, TimeSpan window, DateTimeOffset now) =>
        counter.Count >= maxFailures && counter.WindowStart is { } start && start + window > now;

    public async Task<SignInCandidates> ReadCandidatesAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var user = await counters.GetAsync(keys.User, cancellationToken).ConfigureAwait(false);
        return new SignInCandidates(user, await AuthenticatorsAsync(userId, factorKind, keys, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SignInAdmission> AdmitAndConsumeAsync(SignInAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var before = await counters.GetAsync(attempt.Keys.User, cancellationToken).ConfigureAwait(false);
        if (Throttles(before, attempt.ThrottleMaxFailures, attempt.ThrottleWindow, attempt.Now))
        {
            return new SignInAdmission(false, before, null, null, []);
        }

        // Checked, then counted: racing attempts may all pass the check, but each is counted, and one counted past the
        // window's limit is refused here.
        var counted = await counters.IncrementAsync(attempt.Keys.User, attempt.Now, attempt.ThrottleWindow, cancellationToken).ConfigureAwait(false);
        if (counted.Count > attempt.ThrottleMaxFailures)
        {
            return new SignInAdmission(false, counted, null, null, []);
        }

        var current = await challenges.FindAsync(attempt.ChallengeId, cancellationToken).ConfigureAwait(false);
        var binding = new ChallengeBinding(attempt.UserId, attempt.FactorKind, current?.Binding.AuthenticatorId, attempt.Purpose);
        var consumed = current is null ? null : await challenges.TryConsumeAsync(attempt.ChallengeId, binding, attempt.Now, cancellationToken).ConfigureAwait(false);
        if (consumed is null)
        {
            // A fresh read: a racing attempt may have consumed it since the first one.
            var fresh = current is null ? null : await challenges.FindAsync(attempt.ChallengeId, cancellationToken).ConfigureAwait(false);
            return new SignInAdmission(true, counted, null, fresh ?? current, []);
        }

        return new SignInAdmission(true, counted, consumed, null, await AuthenticatorsAsync(attempt.UserId, attempt.FactorKind, attempt.Keys, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SignInWriteBack> ApplySuccessAsync(SignInSuccess success, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(success);
        var record = success.Authenticator;
        if (success.ReplaySteps.Count > 0 && !await TryAdvanceAsync(record.Id, success.ReplaySteps, cancellationToken).ConfigureAwait(false))
        {
            return SignInWriteBack.Replayed;
        }

        var written = await authenticators.TryUpdateAsync(record with { Data = success.UpdatedData ?? record.Data, LastUsedAt = success.Now }, cancellationToken).ConfigureAwait(false);
        if (written is null)
        {
            if (success.UpdatedData is not null)
            {
                return SignInWriteBack.Conflict;
            }

            // Only the last use changed: it is best effort, on the record as it is now.
            var fresh = await authenticators.FindByIdAsync(record.Id, cancellationToken).ConfigureAwait(false);
            if (fresh is not null)
            {
                await authenticators.TryUpdateAsync(fresh with { LastUsedAt = success.Now }, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var key in success.CountersToReset)
        {
            await counters.ResetAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return SignInWriteBack.Applied;
    }

    private async Task<bool> TryAdvanceAsync(string authenticatorId, IReadOnlyList<long> steps, CancellationToken cancellationToken)
    {
        // RFC 6238 §5.2 with colliding steps: the earliest step later than the last accepted one.
        foreach (var step in steps.Order())
        {
            if (await replayGuard.TryAdvanceStepAsync(authenticatorId, step, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IReadOnlyList<SignInCandidate>> AuthenticatorsAsync(string userId, string factorKind, SignInCounterKeys keys, CancellationToken cancellationToken)
    {
        var all = await authenticators.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var result = new List<SignInCandidate>();
        foreach (var record in all.Where(r => r.Kind == factorKind))
        {
            var failures = await counters.GetAsync(keys.AuthenticatorPrefix + record.Id, cancellationToken).ConfigureAwait(false);
            result.Add(new SignInCandidate(record, failures.Count));
        }

        return result;
    }
}
