namespace Mfa.Push.AntiFatigue;

/// <summary>Which anti-fatigue control of push spec §8 blocks a new push. Values are stable.</summary>
public enum PushLimit
{
    /// <summary>No limit: a push may be sent.</summary>
    None = 0,

    /// <summary>A challenge for this user and client is still pending: reuse it (same number), send nothing.</summary>
    PendingChallenge = 1,

    /// <summary>The previous challenge for this user and client ended (not approved) too recently.</summary>
    ClientCooldown = 2,

    /// <summary>Too many challenges for the user in the short window (default 5 in 15 minutes).</summary>
    ShortWindow = 3,

    /// <summary>Too many challenges for the user in the long window (default 20 in 24 hours).</summary>
    LongWindow = 4,

    /// <summary>Too many pushes since the last successful authentication: off until a success with another factor or an admin reset.</summary>
    SinceLastSuccess = 5,

    /// <summary>Too many failures (deny, wrong number, report) recently: push suppressed for a while.</summary>
    FailureCooldown = 6,

    /// <summary>The user reported fraud: push blocked for a while.</summary>
    FraudBlock = 7,
}
