namespace Mfa.Push.AntiFatigue;

/// <summary>What the store knows about a user's recent pushes, for <see cref="PushFatiguePolicy"/> (push spec §8).</summary>
public sealed record PushFatigueInput
{
    /// <summary>Pending challenges of this user for this client application.</summary>
    public int PendingForClient { get; init; }

    /// <summary>When the previous challenge of this user for this client ended, if one did.</summary>
    public DateTimeOffset? PreviousEndedAt { get; init; }

    /// <summary>Whether that previous challenge ended approved or consumed (then no cool-down applies).</summary>
    public bool PreviousApproved { get; init; }

    /// <summary>When the user's challenges were created, at least over the long window (order does not matter).</summary>
    public IReadOnlyList<DateTimeOffset> RecentChallenges { get; init; } = [];

    /// <summary>Pushes sent since the user's last successful authentication (any factor).</summary>
    public int PushesSinceLastSuccess { get; init; }

    /// <summary>When the user's recent failures happened (deny, wrong number, report), at least over the failure window plus cool-down.</summary>
    public IReadOnlyList<DateTimeOffset> RecentFailures { get; init; } = [];

    /// <summary>When the user last reported fraud, if ever.</summary>
    public DateTimeOffset? FraudReportedAt { get; init; }
}
