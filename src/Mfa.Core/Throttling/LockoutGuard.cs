using Mfa.Core.Storage;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Throttling;

/// <summary>
/// Per-user throttling (N failures in a window, then wait for the window to end) and per-authenticator hard lock
/// after consecutive failures (NIST SP 800-63B §5.2.2). Both reset on success.
/// </summary>
/// <remarks>
/// A verification attempt is counted against the user when it is admitted, before it is verified, with the store's atomic
/// increment; a success then resets the count. Checking first and counting after the verification would let attempts
/// that race (on one server or several) all pass the check before any of their failures is recorded.
/// </remarks>
internal sealed class LockoutGuard(IAttemptCounterStore counters, IOptions<MfaOptions> options, TimeProvider time)
{
    private const string AuthenticatorKeyPrefix = "authenticator:";

    private MfaOptions Options => options.Value;

    public static string UserKey(string userId) => "user:" + userId;

    public static string AuthenticatorKey(string authenticatorId) => AuthenticatorKeyPrefix + authenticatorId;

    /// <summary>The counters of a user's sign-in, for <see cref="ISignInStore"/>.</summary>
    public static SignInCounterKeys SignInKeys(string userId) => new(UserKey(userId), AuthenticatorKeyPrefix);

    /// <summary>The lockout a user's throttle counter means at <paramref name="now"/>.</summary>
    public LockoutStatus UserStatus(AttemptCounter counter, DateTimeOffset now) =>
        counter.Count < Options.ThrottleMaxFailures ? LockoutStatus.Open : Throttled(counter, now);

    /// <summary>Whether an authenticator with this many consecutive failures is hard-locked.</summary>
    public bool IsHardLocked(int consecutiveFailures) => consecutiveFailures >= Options.HardLockThreshold;

    /// <summary>An attempt to complete <paramref name="challengeId"/>, to admit and count with the challenge's consume.</summary>
    public SignInAttempt Attempt(string challengeId, string userId, string kind, string purpose) =>
        new(challengeId, userId, kind, purpose, time.GetUtcNow(), SignInKeys(userId), Options.ThrottleMaxFailures, Options.ThrottleWindow);

    /// <summary>Whether the user is throttled right now (does not count anything).</summary>
    public async Task<LockoutStatus> CheckUserAsync(string userId, CancellationToken cancellationToken)
    {
        var counter = await counters.GetAsync(UserKey(userId), cancellationToken).ConfigureAwait(false);
        return UserStatus(counter, time.GetUtcNow());
    }

    /// <summary>
    /// Admits one verification attempt by the user and counts it, atomically; returns a lockout when the user is throttled
    /// or when this attempt is one more than the window allows. Refused attempts are not counted, so they cannot extend the lock.
    /// </summary>
    public async Task<LockoutStatus> TryAdmitAttemptAsync(string userId, CancellationToken cancellationToken)
    {
        var status = await CheckUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (status.IsLockedOut)
        {
            return status;
        }

        var now = time.GetUtcNow();
        var counter = await counters.IncrementAsync(UserKey(userId), now, Options.ThrottleWindow, cancellationToken).ConfigureAwait(false);
        return counter.Count <= Options.ThrottleMaxFailures ? LockoutStatus.Open : Throttled(counter, now);
    }

    public async Task<bool> IsAuthenticatorLockedAsync(string authenticatorId, CancellationToken cancellationToken)
    {
        var counter = await counters.GetAsync(AuthenticatorKey(authenticatorId), cancellationToken).ConfigureAwait(false);
        return IsHardLocked(counter.Count);
    }

    /// <summary>Counts a failure of an authenticator (the user's attempt was counted when admitted); returns whether it just reached the hard lock.</summary>
    public async Task<bool> RecordAuthenticatorFailureAsync(string authenticatorId, CancellationToken cancellationToken)
    {
        var consecutive = await counters.IncrementAsync(AuthenticatorKey(authenticatorId), time.GetUtcNow(), window: null, cancellationToken).ConfigureAwait(false);
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

    private LockoutStatus Throttled(AttemptCounter counter, DateTimeOffset now)
    {
        if (counter.WindowStart is not { } start)
        {
            return LockoutStatus.Open;
        }

        var remaining = start + Options.ThrottleWindow - now;
        return remaining > TimeSpan.Zero ? new LockoutStatus(true, remaining) : LockoutStatus.Open;
    }
}
