using Mfa.Push.Tests.Transports.Fakes;
using Mfa.Push.Transports;
using Mfa.Push.Transports.Retry;

namespace Mfa.Push.Tests.Transports.Retry;

[TestFixture]
public sealed class RetryingPushTransportTests
{
    private static readonly PushAddress s_address = new(PushAddressKind.InProcess, "device");
    private static readonly PushSendResult s_transient = new(PushSendOutcome.TransientError, Detail: "HTTP 503");

    private AutoAdvanceTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new AutoAdvanceTimeProvider();

    [Test]
    public async Task SendAsync_TransientThenAccepted_RetriesOnce()
    {
        var inner = new ScriptedTransport(s_transient);
        var result = await Retrying(inner).SendAsync(s_address, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_AlwaysTransient_StopsAfterMaxAttemptsWithTheLastResult()
    {
        var inner = new ScriptedTransport(s_transient, s_transient, s_transient, s_transient, s_transient);
        var result = await Retrying(inner, new PushRetryOptions { MaxRetryAttempts = 3 }).SendAsync(s_address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
        Assert.That(inner.Calls, Is.EqualTo(4));
    }

    [Test]
    public async Task SendAsync_BackOffWithoutJitter_DoublesFromTheBaseDelay()
    {
        var inner = new ScriptedTransport(s_transient, s_transient, s_transient);
        var options = new PushRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false };
        await Retrying(inner, options).SendAsync(s_address, TransportHost.Message());
        Assert.That(_time.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
    }

    [Test]
    public async Task SendAsync_BackOff_NeverExceedsMaxDelay()
    {
        var inner = new ScriptedTransport(Enumerable.Repeat(s_transient, 6).ToArray());
        var options = new PushRetryOptions { MaxRetryAttempts = 6, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };
        await Retrying(inner, options).SendAsync(s_address, TransportHost.Message(TimeSpan.FromMinutes(5)));
        Assert.That(_time.Delays, Has.All.LessThanOrEqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task SendAsync_RateLimitedWithRetryAfter_WaitsThatLong()
    {
        var inner = new ScriptedTransport(new PushSendResult(PushSendOutcome.RateLimited, TimeSpan.FromSeconds(9)));
        var result = await Retrying(inner).SendAsync(s_address, TransportHost.Message());
        Assert.That(result.Succeeded, Is.True);
        Assert.That(_time.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(9) }));
    }

    [Test]
    public async Task SendAsync_RetryAfterLongerThanMaxDelay_StillWaitsTheRetryAfter()
    {
        var inner = new ScriptedTransport(new PushSendResult(PushSendOutcome.RateLimited, TimeSpan.FromSeconds(45)));
        var options = new PushRetryOptions { MaxDelay = TimeSpan.FromSeconds(30) };
        var result = await Retrying(inner, options).SendAsync(s_address, TransportHost.Message(TimeSpan.FromMinutes(5)));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(_time.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(45) }));
    }

    [Test]
    public async Task SendAsync_RetryAfterBeyondTheMessageLifetime_GivesUp()
    {
        var limited = new PushSendResult(PushSendOutcome.RateLimited, TimeSpan.FromSeconds(90));
        var inner = new ScriptedTransport(limited);
        var result = await Retrying(inner).SendAsync(s_address, TransportHost.Message(TimeSpan.FromSeconds(60)));
        Assert.That(result, Is.EqualTo(limited));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_RetryAfterBeyondMaxRetryAfter_GivesUp()
    {
        var inner = new ScriptedTransport(new PushSendResult(PushSendOutcome.RateLimited, TimeSpan.FromSeconds(50)));
        var options = new PushRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) };
        var result = await Retrying(inner, options).SendAsync(s_address, TransportHost.Message(TimeSpan.FromMinutes(5)));
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.RateLimited));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [TestCase(PushSendOutcome.InvalidAddress)]
    [TestCase(PushSendOutcome.ConfigError)]
    public async Task SendAsync_PermanentFailure_IsNeverRetried(PushSendOutcome outcome)
    {
        var inner = new ScriptedTransport(new PushSendResult(outcome));
        var result = await Retrying(inner).SendAsync(s_address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(outcome));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_ZeroRetries_CallsOnce()
    {
        var inner = new ScriptedTransport(s_transient);
        var result = await Retrying(inner, new PushRetryOptions { MaxRetryAttempts = 0 }).SendAsync(s_address, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
        Assert.That(inner.Calls, Is.EqualTo(1));
    }

    [Test]
    public void SendAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var transport = Retrying(new ScriptedTransport());
        Assert.That(async () => await transport.SendAsync(s_address, TransportHost.Message(), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Kind_IsTheInnerTransportsKind() =>
        Assert.That(Retrying(new ScriptedTransport()).Kind, Is.EqualTo(PushAddressKind.InProcess));

    private RetryingPushTransport Retrying(IPushTransport inner, PushRetryOptions? options = null) =>
        new(inner, options ?? new PushRetryOptions(), _time);
}
