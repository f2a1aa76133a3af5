using Mfa.Core;
using Mfa.Push.AntiFatigue;

namespace Mfa.Push.Tests.AntiFatigue;

/// <summary>Push spec §8 with its defaults.</summary>
[TestFixture]
public sealed class PushFatiguePolicyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static PushFatigueResult Evaluate(PushFatigueInput input, Action<PushOptions>? configure = null)
    {
        var options = new PushOptions();
        configure?.Invoke(options);
        return new PushFatiguePolicy(options).Evaluate(input, s_now);
    }

    private static DateTimeOffset Ago(double minutes) => s_now.AddMinutes(-minutes);

    [Test]
    public void Evaluate_NothingRecent_IsAllowed()
    {
        var result = Evaluate(new PushFatigueInput());
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Limit, Is.EqualTo(PushLimit.None));
    }

    [Test]
    public void Evaluate_PendingChallengeForTheClient_ReusesIt()
    {
        var result = Evaluate(new PushFatigueInput { PendingForClient = 1 });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.PendingChallenge));
        Assert.That((result.FailureReason, result.Limit), Is.EqualTo((MfaFailureReason.RateLimited, PushLimit.PendingChallenge)));
    }

    [Test]
    public void Evaluate_PreviousEndedTenSecondsAgo_WaitsTheRestOf30Seconds()
    {
        var result = Evaluate(new PushFatigueInput { PreviousEndedAt = s_now.AddSeconds(-10) });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.ClientCooldown));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
    }

    [Test]
    public void Evaluate_PreviousApprovedJustNow_IsAllowed() =>
        Assert.That(Evaluate(new PushFatigueInput { PreviousEndedAt = s_now, PreviousApproved = true }).Succeeded, Is.True);

    [Test]
    public void Evaluate_FiveChallengesIn15Minutes_WaitsUntilTheOldestLeaves()
    {
        var result = Evaluate(new PushFatigueInput { RecentChallenges = [Ago(14), Ago(10), Ago(8), Ago(3), Ago(1)] });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.ShortWindow));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Evaluate_FourChallengesIn15Minutes_IsAllowed() =>
        Assert.That(Evaluate(new PushFatigueInput { RecentChallenges = [Ago(14), Ago(10), Ago(8), Ago(3), Ago(16)] }).Succeeded, Is.True);

    [Test]
    public void Evaluate_TwentyChallengesIn24Hours_IsLongWindow()
    {
        var times = Enumerable.Range(0, 20).Select(i => Ago(60 + (i * 60))).ToList();
        var result = Evaluate(new PushFatigueInput { RecentChallenges = times });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.LongWindow));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(60 + (19 * 60))));
    }

    [Test]
    public void Evaluate_TenPushesSinceLastSuccess_IsOffUntilAnotherFactorSucceeds()
    {
        var result = Evaluate(new PushFatigueInput { PushesSinceLastSuccess = 10 });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.SinceLastSuccess));
        Assert.That(result.RetryAfter, Is.Null);
    }

    [Test]
    public void Evaluate_TwoFailuresIn15Minutes_SuppressesFor20MinutesFromTheSecond()
    {
        var result = Evaluate(new PushFatigueInput { RecentFailures = [Ago(12), Ago(5)] });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.FailureCooldown));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void Evaluate_TwoFailuresFurtherApartThanTheWindow_IsAllowed() =>
        Assert.That(Evaluate(new PushFatigueInput { RecentFailures = [Ago(30), Ago(5)] }).Succeeded, Is.True);

    [Test]
    public void Evaluate_CooldownOver_IsAllowed() =>
        Assert.That(Evaluate(new PushFatigueInput { RecentFailures = [Ago(25), Ago(21)] }).Succeeded, Is.True);

    [Test]
    public void Evaluate_FraudReported5MinutesAgo_BlocksFor15MoreMinutes()
    {
        var result = Evaluate(new PushFatigueInput { FraudReportedAt = Ago(5), PendingForClient = 1 });
        Assert.That(result.Limit, Is.EqualTo(PushLimit.FraudBlock));
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public void Evaluate_FraudReportedLongAgo_IsAllowed() =>
        Assert.That(Evaluate(new PushFatigueInput { FraudReportedAt = Ago(21) }).Succeeded, Is.True);

    [Test]
    public void Evaluate_ConfiguredLimit_IsHonoured()
    {
        var result = Evaluate(new PushFatigueInput { RecentChallenges = [Ago(1), Ago(2), Ago(3)] }, o => o.MaxChallengesPerShortWindow = 3);
        Assert.That(result.Limit, Is.EqualTo(PushLimit.ShortWindow));
    }
}
