namespace Mfa.Push.Transports;

/// <summary>The result of sending one notification.</summary>
/// <param name="Outcome">What the push service said.</param>
/// <param name="RetryAfter">For <see cref="PushSendOutcome.RateLimited"/> (and optionally transient errors): when to retry.</param>
/// <param name="Detail">A secret-free detail for logs (an HTTP status, a service error code).</param>
public sealed record PushSendResult(PushSendOutcome Outcome, TimeSpan? RetryAfter = null, string? Detail = null)
{
    /// <summary>An accepted send.</summary>
    public static PushSendResult Accepted { get; } = new(PushSendOutcome.Accepted);

    /// <summary>Whether the push service accepted the notification.</summary>
    public bool Succeeded => Outcome == PushSendOutcome.Accepted;
}
