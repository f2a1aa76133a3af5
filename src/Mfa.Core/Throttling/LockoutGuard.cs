using Mfa.Core.Storage;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Throttling;

/// <summary>
/// Per-user throttling (N failures in a window, then wait for the window to end) and per-authenticator hard lock
/// after consecutive failures (NIST SP 800-63B §5.2.2). Both reset on success.
/// </summary>
internal sealed class LockoutGuard(IAttemptCounterStore counters, IOptions<MfaOptions> options, TimeProvider time)
{
    private MfaOptions Options => options.Value;

    public static string UserKey(string userId) => "user:" + userId;

    public static string AuthenticatorKey(string authenticatorId) => "authenticator:" + authenticatorId;

    public async Task<LockoutStatus> CheckUserAsync(string userId, CancellationToken cancellationToken)
    {
        var counter = await counters.GetAsync(UserKey(userId), cancellationToken).ConfigureAwait(false);
        if (counter.Count < Options.ThrottleMaxFailures || counter.WindowStart is not { } start)
        {
            return LockoutStatus.Open;
        }

        var remaining = start + Options.ThrottleWindow - time.GetUtcNow();
        return remaining > TimeSpan.Zero ? new LockoutStatus(true, remaining) : LockoutStatus.Open;
    }

    public async Task<bool> IsAuthenticatorLockedAsync(string authenticatorId, CancellationToken cancellationToken)
    {
        var counter = await counters.GetAsync(AuthenticatorKey(authenticatorId), cancellationToken).ConfigureAwait(false);
        return counter.Count >= Options.HardLockThreshold;
    }

    /// <summary>Counts a failure; returns whether the authenticator just reached the hard lock.</summary>
    public async Task<bool> RecordFailureAsync(string userId, string? authenticatorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await counters.IncrementAsync(UserKey(userId), now, Options.ThrottleWindow, cancellationToken).ConfigureAwait(false);
        if (authenticatorId is null)
        {
            return false;
        }

        var consecutive = await counters.IncrementAsync(AuthenticatorKey(authenticatorId), now, window: null, cancellationToken).ConfigureAwait(false);
        return consecutive.Count == Options.HardLockThreshold;
    }

    /// <summary>Drops a removed authenticator's counter. The user's throttle stays: removing an authenticator proves nothing.</summary>
    public Task ForgetAuthenticatorAsync(string authenticatorId, CancellationToken cancellationToken) =>
        counters.ResetAsync(AuthenticatorKey(authenticatorId), cancellationToken);

    public async Task RecordSuccessAsync(string userId, string? authenticatorId, CancellationToken cancellationToken)
    {
        await counters.ResetAsync(UserKey(userId), cancellationToken).ConfigureAwait(false);
        if (authenticatorId is not null)
        {
            await counters.ResetAsync(AuthenticatorKey(authenticatorId), cancellationToken).ConfigureAwait(false);
        }
    }
}
