using Mfa.Push.Device;
using Mfa.Push.Transports;
using Mfa.Push.Transports.InProcess;

namespace Mfa.Push.Tests.Transports.InProcess;

[TestFixture]
public sealed class InProcessPushTransportTests
{
    [Test]
    public async Task SendAsync_NotificationOfANewChallenge_ReachesTheDeviceWhichFetchesAndApproves()
    {
        using var host = PushTestHost.Create(o => o.AllowInProcessAddresses = true);
        var transport = new InProcessPushTransport();
        var (device, credential) = host.Enroll(address: DevicePushAddress.InProcess("phone-1"));
        var created = host.Issuer.Create(null, [credential], new Mfa.Push.Challenges.PushContext());
        foreach (var notification in created.Notifications)
        {
            var sent = await transport.SendAsync(notification.Address, notification.Message);
            Assert.That(sent.Succeeded, Is.True);
        }

        var message = await transport.ReceiveAsync("phone-1");
        Assert.That(message.CredentialId, Is.EqualTo(credential.CredentialId));
        var token = Mfa.Push.Challenges.PushDeviceApi.PendingToken(created.State!, null, message.CredentialId, host.Time.GetUtcNow())!;
        var read = device.ReadChallenge(token);
        Assert.That(device.TryAnswer(read.Challenge!, PushDeviceAction.Approve, created.DisplayNumber, PushDeviceDenyReason.None, out var response), Is.EqualTo(PushDeviceError.None));
        Assert.That(host.Verify(response, created.State!, credential).Succeeded, Is.True);
    }

    [Test]
    public async Task SendAsync_UnregisteredDevice_IsInvalidAddress()
    {
        var transport = new InProcessPushTransport();
        transport.Unregister("gone");
        var result = await transport.SendAsync(new PushAddress(PushAddressKind.InProcess, "gone"), new PushMessage("cid", "cred", TimeSpan.FromMinutes(2)));
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(transport.TryReceive("gone", out _), Is.False);
    }

    [Test]
    public async Task SendAsync_OtherKindOfAddress_IsConfigError()
    {
        var result = await new InProcessPushTransport().SendAsync(new PushAddress(PushAddressKind.Fcm, "t"), new PushMessage("cid", "cred", TimeSpan.FromMinutes(2)));
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
    }
}
