namespace Mfa.Push.Transports;

/// <summary>What a push service said about one notification (push spec §12). Values are stable.</summary>
public enum PushSendOutcome
{
    /// <summary>Accepted by the push service (not yet delivered).</summary>
    Accepted = 0,

    /// <summary>The device's address is gone (unsubscribed, unregistered, expired): mark the device unusable.</summary>
    InvalidAddress = 1,

    /// <summary>Rate limited by the push service; retry after <see cref="PushSendResult.RetryAfter"/>.</summary>
    RateLimited = 2,

    /// <summary>The request was refused for a reason retrying will not fix (credentials, a malformed request).</summary>
    ConfigError = 3,

    /// <summary>A network fault, timeout or 5xx: retrying may succeed.</summary>
    TransientError = 4,
}
