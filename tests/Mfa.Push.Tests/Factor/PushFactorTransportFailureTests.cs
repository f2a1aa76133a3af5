using Mfa.Push.Device;
using Mfa.Push.Transports;

namespace Mfa.Push.Tests.Factor;

/// <summary>Delivery is a wake-up only: a failing or throwing transport never fails the challenge (the phone pulls).</summary>
[TestFixture]
public sealed class PushFactorTransportFailureTests
{
    [TestCase(PushSendOutcome.TransientError)]
    [TestCase(PushSendOutcome.RateLimited)]
    [TestCase(PushSendOutcome.ConfigError)]
    public async Task BeginChallengeAsync_TransportFails_ChallengeStillAnswerable(PushSendOutcome outcome)
    {
        using var host = new PushFactorHost(extraTransport: new FailingTransport(outcome, throws: false));
        var (device, _) = await host.EnrollAsync(PushFactorHost.Alice);

        var start = await host.BeginAsync(PushFactorHost.Alice);
        await host.AnswerAsync(device, start, PushDeviceAction.Approve);

        Assert.That(start.Succeeded, Is.True, start.Message);
        Assert.That(start.Prompt!.DevicesNotified, Is.Zero);
        Assert.That((await host.PollAsync(PushFactorHost.Alice, start.ChallengeId!)).Succeeded, Is.True);
    }

    [Test]
    public async Task BeginChallengeAsync_TransportThrows_ChallengeStillBegun()
    {
        using var host = new PushFactorHost(extraTransport: new FailingTransport(PushSendOutcome.TransientError, throws: true));
        await host.EnrollAsync(PushFactorHost.Alice);

        var start = await host.BeginAsync(PushFactorHost.Alice);

        Assert.That(start.Succeeded, Is.True, start.Message);
        Assert.That(start.Prompt!.DevicesNotified, Is.Zero);
    }

    [Test]
    public async Task BeginChallengeAsync_DeviceGoneAtThePushService_UnusableInStatusUntilItRegistersAnAddress()
    {
        using var host = new PushFactorHost(extraTransport: new FailingTransport(PushSendOutcome.InvalidAddress, throws: false));
        var (device, _) = await host.EnrollAsync(PushFactorHost.Alice);
        var before = await host.Service.GetStatusAsync(PushFactorHost.Alice);

        var start = await host.BeginAsync(PushFactorHost.Alice);
        var gone = await host.Service.GetStatusAsync(PushFactorHost.Alice);
        var endpoints = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mfa.Push.Factor.PushDeviceEndpoints>(host.Provider);
        var updated = await endpoints.UpdatePushAddressAsync(device.CreatePushAddressUpdate(DevicePushAddress.InProcess("new-inbox")));
        var back = await host.Service.GetStatusAsync(PushFactorHost.Alice);

        Assert.That(start.Succeeded, Is.True, "the phone can still pull: " + start.Message);
        Assert.That(start.Prompt!.UnreachableAuthenticators, Has.Count.EqualTo(1));
        Assert.That(before.Authenticators.Single().IsUsable, Is.True);
        Assert.That(gone.Authenticators.Single().IsUsable, Is.False);
        Assert.That(host.Logs.Entries.Any(e => e.EventId == Mfa.Push.Factor.PushEventIds.DeviceMarkedGone), Is.True);
        Assert.That(updated.StatusCode, Is.EqualTo(204));
        Assert.That(back.Authenticators.Single().IsUsable, Is.True);
    }

    private sealed class FailingTransport(PushSendOutcome outcome, bool throws) : IPushTransport
    {
        public PushAddressKind Kind => PushAddressKind.InProcess;

        public ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default) =>
            throws ? throw new HttpRequestException("connection refused") : ValueTask.FromResult(new PushSendResult(outcome));
    }
}
