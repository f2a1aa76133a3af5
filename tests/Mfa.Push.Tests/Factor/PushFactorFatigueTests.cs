using Mfa.Core;
using Mfa.Push.AntiFatigue;
using Mfa.Push.Device;

namespace Mfa.Push.Tests.Factor;

/// <summary>Push spec §8 through the factor: the counters the host (or Core) provides decide whether a push is sent.</summary>
[TestFixture]
public sealed class PushFactorFatigueTests
{
    [Test]
    public async Task BeginChallengeAsync_FraudReportedRecently_RateLimitedAndNothingSent()
    {
        var counters = new FixedCounters();
        using var host = new PushFactorHost(counters: counters);
        var (_, inbox) = await host.EnrollAsync(PushFactorHost.Alice);
        counters.Input = new PushFatigueInput { FraudReportedAt = host.Time.GetUtcNow() - TimeSpan.FromMinutes(5) };

        var start = await host.BeginAsync(PushFactorHost.Alice);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(host.Transport.TryReceive(inbox, out _), Is.False);
        Assert.That(counters.LastUser, Is.EqualTo(PushFactorHost.Alice.Id));
    }

    [Test]
    public async Task BeginChallengeAsync_TooManyPushesSinceLastSuccess_RateLimited()
    {
        var counters = new FixedCounters();
        using var host = new PushFactorHost(counters: counters);
        await host.EnrollAsync(PushFactorHost.Alice);
        counters.Input = new PushFatigueInput { PushesSinceLastSuccess = 10 };

        var start = await host.BeginAsync(PushFactorHost.Alice);

        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
    }

    [Test]
    public async Task BeginChallengeAsync_UnderTheLimits_Sent()
    {
        var counters = new FixedCounters();
        using var host = new PushFactorHost(counters: counters);
        var (device, _) = await host.EnrollAsync(PushFactorHost.Alice);
        counters.Input = new PushFatigueInput { PushesSinceLastSuccess = 3, RecentChallenges = [host.Time.GetUtcNow() - TimeSpan.FromMinutes(1)] };

        var start = await host.BeginAsync(PushFactorHost.Alice);
        await host.AnswerAsync(device, start, PushDeviceAction.Approve);

        Assert.That(start.Succeeded, Is.True, start.Message);
        Assert.That((await host.PollAsync(PushFactorHost.Alice, start.ChallengeId!)).Succeeded, Is.True);
    }

    private sealed class FixedCounters : IPushFatigueCounters
    {
        public PushFatigueInput Input { get; set; } = new();

        public string? LastUser { get; private set; }

        public ValueTask RecordChallengeAsync(string userId, string? clientKey, DateTimeOffset now, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask RecordAnswerAsync(string userId, string? clientKey, Mfa.Push.Responses.PushChallengeStatus status, DateTimeOffset now, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask RecordSuccessAsync(string userId, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<PushFatigueInput> ReadAsync(string userId, string? clientKey, CancellationToken cancellationToken = default)
        {
            LastUser = userId;
            return ValueTask.FromResult(Input);
        }
    }
}
