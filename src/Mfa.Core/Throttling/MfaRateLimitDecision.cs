namespace Mfa.Core.Throttling;

/// <summary>A rate limiter's decision.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="RetryAfter">When refused: when to retry, if known.</param>
public readonly record struct MfaRateLimitDecision(bool Allowed, TimeSpan? RetryAfter = null)
{
    /// <summary>Allowed.</summary>
    public static MfaRateLimitDecision Allow => new(true);
}
