using Mfa.Core;

namespace Mfa.Push.AntiFatigue;

/// <summary>Whether a new push may be sent now, or which limit blocks it and until when (push spec §8).</summary>
/// <remarks>
/// Every limit fails with <see cref="MfaFailureReason.RateLimited"/>; for <see cref="PushLimit.PendingChallenge"/> the
/// page shows the pending challenge again. Otherwise the login page says so, offers the
/// other factors, and never pretends a push was sent.
/// </remarks>
public sealed class PushFatigueResult : MfaResult
{
    private PushFatigueResult(PushLimit limit, TimeSpan? retryAfter)
        : base(limit switch { PushLimit.None => MfaFailureReason.None, _ => MfaFailureReason.RateLimited }, null)
    {
        Limit = limit;
        RetryAfter = retryAfter;
    }

    /// <summary>The limit that blocks the push; <see cref="PushLimit.None"/> when allowed.</summary>
    public PushLimit Limit { get; }

    /// <summary>When a push may be tried again; <see langword="null"/> when allowed, when reusing the pending challenge, or when only another factor's success lifts the limit.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static PushFatigueResult Allowed { get; } = new(PushLimit.None, null);

    internal static PushFatigueResult Limited(PushLimit limit, TimeSpan? retryAfter) => new(limit, retryAfter);
}
