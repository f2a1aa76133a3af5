namespace Mfa.Core.Throttling;

/// <summary>Whether attempts are refused right now, and until when.</summary>
/// <param name="IsLockedOut">Whether attempts are refused.</param>
/// <param name="RetryAfter">How long until attempts are accepted again; <see langword="null"/> when locked until an administrator unlocks.</param>
internal readonly record struct LockoutStatus(bool IsLockedOut, TimeSpan? RetryAfter)
{
    public static LockoutStatus Open => default;
}
