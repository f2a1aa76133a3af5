namespace Mfa.Push.AntiFatigue;

/// <summary>The anti-fatigue controls of push spec §8 as a pure decision over counts and times.</summary>
public sealed class PushFatiguePolicy
{
    private readonly PushOptions _options;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">Validated push options (the limits).</param>
    public PushFatiguePolicy(PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Decides whether a new push may be sent at <paramref name="now"/>; the most severe limit wins.</summary>
    /// <param name="input">The user's recent pushes.</param>
    /// <param name="now">The verifier's time.</param>
    /// <returns>Allowed, or the limit and when to retry.</returns>
    public PushFatigueResult Evaluate(PushFatigueInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Push spec §7: a fraud report suppresses push for the user.
        if (input.FraudReportedAt is { } reported && now < reported + _options.FraudBlock)
        {
            return PushFatigueResult.Limited(PushLimit.FraudBlock, reported + _options.FraudBlock - now);
        }

        // NIST SP 800-63B: limit pushes since the last successful authentication.
        if (input.PushesSinceLastSuccess >= _options.MaxPushesSinceLastSuccess)
        {
            return PushFatigueResult.Limited(PushLimit.SinceLastSuccess, null);
        }

        if (FailureCooldownEnd(input.RecentFailures) is { } end && now < end)
        {
            return PushFatigueResult.Limited(PushLimit.FailureCooldown, end - now);
        }

        // At most one pending challenge per user and client: a repeat request reuses it.
        if (input.PendingForClient > 0)
        {
            return PushFatigueResult.Limited(PushLimit.PendingChallenge, null);
        }

        if (!input.PreviousApproved && input.PreviousEndedAt is { } ended && now < ended + _options.ClientCooldown)
        {
            return PushFatigueResult.Limited(PushLimit.ClientCooldown, ended + _options.ClientCooldown - now);
        }

        return WindowLimit(input.RecentChallenges, now, _options.ShortWindow, _options.MaxChallengesPerShortWindow, PushLimit.ShortWindow)
            ?? WindowLimit(input.RecentChallenges, now, _options.LongWindow, _options.MaxChallengesPerLongWindow, PushLimit.LongWindow)
            ?? PushFatigueResult.Allowed;
    }

    /// <summary>The end of the latest cool-down: every failure that completes <c>MaxFailuresPerWindow</c> within the window starts one.</summary>
    private DateTimeOffset? FailureCooldownEnd(IReadOnlyList<DateTimeOffset> failures)
    {
        DateTimeOffset? end = null;
        var sorted = failures.Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var windowStart = sorted[i] - _options.FailureWindow;
            var inWindow = sorted.Take(i + 1).Count(f => f > windowStart);
            if (inWindow >= _options.MaxFailuresPerWindow && (end is null || sorted[i] + _options.FailureCooldown > end))
            {
                end = sorted[i] + _options.FailureCooldown;
            }
        }

        return end;
    }

    private static PushFatigueResult? WindowLimit(IReadOnlyList<DateTimeOffset> challenges, DateTimeOffset now, TimeSpan window, int max, PushLimit limit)
    {
        var inWindow = challenges.Where(c => c > now - window && c <= now).Order().ToList();
        if (inWindow.Count < max)
        {
            return null;
        }

        // The window frees a slot when the oldest challenge that keeps it full leaves it.
        var freesAt = inWindow[inWindow.Count - max] + window;
        return PushFatigueResult.Limited(limit, freesAt - now);
    }
}
