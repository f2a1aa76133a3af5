using Mfa.Core.Maintenance;
using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mfa.Core.Tests.Maintenance;

/// <summary>AddMfa registers the sweeper of expired pending challenges; a sweep purges exactly what has expired.</summary>
[TestFixture]
public sealed class MfaMaintenanceServiceTests
{
    [Test]
    public void AddMfa_Always_RegistersTheMaintenanceServiceOnce()
    {
        using var mfa = new MfaHarness();

        Assert.That(mfa.Provider.GetServices<IHostedService>().OfType<MfaMaintenanceService>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task SweepOnceAsync_SomeExpired_PurgesOnlyThose()
    {
        using var mfa = new MfaHarness();
        var store = (InMemoryChallengeStore)mfa.Get<IChallengeStore>();
        var now = mfa.Time.GetUtcNow();
        foreach (var (id, life) in new[] { ("short", TimeSpan.FromSeconds(30)), ("long", TimeSpan.FromMinutes(10)) })
        {
            await store.CreateAsync(new PendingChallenge
            {
                Id = id,
                Binding = new ChallengeBinding("alice", "code", null, "sign-in"),
                CreatedAt = now,
                ExpiresAt = now + life,
                State = new byte[] { 1 },
            });
        }

        mfa.Time.Advance(TimeSpan.FromMinutes(1));
        var sweeper = mfa.Provider.GetServices<IHostedService>().OfType<MfaMaintenanceService>().Single();
        var swept = await sweeper.SweepOnceAsync(CancellationToken.None);

        Assert.That(swept, Is.EqualTo(1));
        Assert.That(store.Count, Is.EqualTo(1));
        Assert.That(await store.FindAsync("long"), Is.Not.Null);
    }

    [Test]
    public async Task StartAsync_IntervalZero_StartsNoTimerAndStopsCleanly()
    {
        using var mfa = new MfaHarness(o => o.SweepInterval = TimeSpan.Zero);
        var sweeper = mfa.Provider.GetServices<IHostedService>().OfType<MfaMaintenanceService>().Single();

        await sweeper.StartAsync(CancellationToken.None);

        Assert.That(async () => await sweeper.StopAsync(CancellationToken.None), Throws.Nothing);
    }
}
