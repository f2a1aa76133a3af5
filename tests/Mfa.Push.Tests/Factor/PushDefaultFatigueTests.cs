using Mfa.Core;
using Mfa.Push.Device;
using Mfa.Push.AntiFatigue;
using Mfa.Push.Factor;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.Push.Tests.Factor;

/// <summary>
/// Push spec §7–§8 with the counters <c>AddPush</c> registers by default (over Core's attempt-counter store): each store
/// inherits this fixture once.
/// </summary>
public abstract class PushDefaultFatigueTests
{
    private PushFactorHost _host = null!;
    private PushDevice _device = null!;
    private string _inbox = null!;

    private static MfaUser Alice => PushFactorHost.Alice;

    [SetUp]
    public async Task SetUpAsync()
    {
        _host = new PushFactorHost(stores: UseStore);
        (_device, _inbox) = await _host.EnrollAsync(Alice);
    }

    [TearDown]
    public void TearDown()
    {
        _host.Dispose();
        DropStore();
    }

    protected abstract void UseStore(IMfaBuilder mfa);

    protected virtual void DropStore()
    {
    }

    [Test]
    public async Task BeginChallengeAsync_OneAlreadyPendingForTheClient_RateLimitedOtherClientServed()
    {
        await _host.BeginAsync(Alice, clientKey: "browser-1");

        var again = await _host.BeginAsync(Alice, clientKey: "browser-1");
        var other = await _host.BeginAsync(Alice, clientKey: "browser-2");

        Assert.That(again.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(other.Succeeded, Is.True, other.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_PreviousOneExpiredUnanswered_ServedAgain()
    {
        await _host.BeginAsync(Alice, clientKey: "browser-1");
        _host.Time.Advance(TimeSpan.FromMinutes(3));

        var again = await _host.BeginAsync(Alice, clientKey: "browser-1");

        Assert.That(again.Succeeded, Is.True, again.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_RightAfterAnApprovedSignIn_Served()
    {
        await SignInAsync();

        var next = await _host.BeginAsync(Alice, clientKey: "browser-1");

        Assert.That(next.Succeeded, Is.True, next.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_RightAfterADenial_ClientCoolDownThenServed()
    {
        var first = await _host.BeginAsync(Alice, clientKey: "browser-1");
        await _host.AnswerAsync(_device, first, PushDeviceAction.Deny);

        var tooSoon = await _host.BeginAsync(Alice, clientKey: "browser-1");
        _host.Time.Advance(TimeSpan.FromSeconds(31));
        var later = await _host.BeginAsync(Alice, clientKey: "browser-1");

        Assert.That(tooSoon.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(later.Succeeded, Is.True, later.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_TwoDenialsWithinTheWindow_PushSuppressedForTheCoolDown()
    {
        for (var i = 0; i < 2; i++)
        {
            var start = await _host.BeginAsync(Alice, clientKey: "browser-" + i);
            Assert.That(start.Succeeded, Is.True, start.Message);
            await _host.AnswerAsync(_device, start, PushDeviceAction.Deny);
            _host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var blocked = await _host.BeginAsync(Alice, clientKey: "browser-9");
        _host.Time.Advance(TimeSpan.FromMinutes(20));
        var afterCoolDown = await _host.BeginAsync(Alice, clientKey: "browser-9");

        Assert.That(blocked.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(afterCoolDown.Succeeded, Is.True, afterCoolDown.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_AfterAFraudReport_BlockedWithACriticalEventThenServed()
    {
        var start = await _host.BeginAsync(Alice, clientKey: "browser-1");
        await _host.AnswerAsync(_device, start, PushDeviceAction.Report);
        _host.Transport.TryReceive(_inbox, out _);

        var blocked = await _host.BeginAsync(Alice, clientKey: "browser-2");
        _host.Time.Advance(TimeSpan.FromMinutes(21));
        var later = await _host.BeginAsync(Alice, clientKey: "browser-2");

        Assert.That(blocked.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(_host.Logs.Entries.Any(e => e.EventId == PushEventIds.FraudBlocked && e.Level == Microsoft.Extensions.Logging.LogLevel.Critical), Is.True);
        Assert.That(later.Succeeded, Is.True, later.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_FiveInTheShortWindow_SixthRateLimitedUntilTheWindowEnds()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync();
            _host.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var sixth = await _host.BeginAsync(Alice, clientKey: "browser-1");
        _host.Time.Advance(TimeSpan.FromMinutes(15));
        var later = await _host.BeginAsync(Alice, clientKey: "browser-1");

        Assert.That(sixth.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        Assert.That(later.Succeeded, Is.True, later.Message);
    }

    [Test]
    public async Task BeginChallengeAsync_TenPushesWithoutASuccess_DisabledUntilASuccess()
    {
        for (var i = 0; i < 10; i++)
        {
            var start = await _host.BeginAsync(Alice, clientKey: "browser-" + i);
            Assert.That(start.Succeeded, Is.True, $"push {i}: {start.Message}");
            _host.Time.Advance(TimeSpan.FromHours(3));
        }

        var eleventh = await _host.BeginAsync(Alice, clientKey: "browser-x");

        Assert.That(eleventh.FailureReason, Is.EqualTo(MfaFailureReason.RateLimited));
        // What a success with another factor or an admin reset does to the counters.
        await _host.Provider.GetRequiredService<IPushFatigueCounters>().RecordSuccessAsync(Alice.Id);
        Assert.That((await _host.BeginAsync(Alice, clientKey: "browser-x")).Succeeded, Is.True);
    }

    private async Task SignInAsync()
    {
        var start = await _host.BeginAsync(Alice, clientKey: "browser-1");
        Assert.That(start.Succeeded, Is.True, start.Message);
        await _host.AnswerAsync(_device, start, PushDeviceAction.Approve);
        Assert.That((await _host.PollAsync(Alice, start.ChallengeId!)).Succeeded, Is.True);
    }
}
