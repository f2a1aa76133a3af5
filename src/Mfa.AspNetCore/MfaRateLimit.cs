namespace Mfa.AspNetCore;

/// <summary>A fixed-window limit per client address.</summary>
public sealed class MfaRateLimit
{
    /// <summary>How many requests a client may make per window.</summary>
    /// <value>At least 1.</value>
    public int PermitLimit { get; set; } = 10;

    /// <summary>The window.</summary>
    /// <value>1 second to 1 hour.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
