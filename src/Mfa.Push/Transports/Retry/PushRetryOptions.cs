namespace Mfa.Push.Transports.Retry;

/// <summary>
/// Retries of rate-limited and transient sends (every network transport is wrapped in them). Invalid addresses and
/// configuration errors are never retried; a retry never waits past the message's time to live.
/// </summary>
public sealed class PushRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retries off.</summary>
    /// <value>Default 3; 0 to 10.</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; later ones double (exponential back-off).</summary>
    /// <value>Default 1 second; 10 milliseconds to 1 minute.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay.</summary>
    /// <value>Default 30 seconds; at least <see cref="BaseDelay"/>, at most 10 minutes.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether delays are randomized (decorrelated jitter) so many senders do not retry in step.</summary>
    /// <value>Default true.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>The longest <c>Retry-After</c> waited for; a longer one ends the retries with the rate-limited result.</summary>
    /// <value>Default 2 minutes; 0 to 1 hour.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
