using Mfa.Core;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Duo.Http;
using Mfa.Duo.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.EndToEnd;

/// <summary>The Auth API v2 client against the emulator, with both signature versions.</summary>
[TestFixture(DuoSignatureVersion.V5)]
[TestFixture(DuoSignatureVersion.V2)]
public sealed class AuthApiEndToEndTests(DuoSignatureVersion version)
{
    private Task<DuoTestHost> StartAsync(Action<DuoOptions>? configure = null) =>
        DuoTestHost.StartAsync(o =>
        {
            o.SignatureVersion = version;
            configure?.Invoke(o);
        });

    [Test]
    public async Task PingAsync_Emulator_ReturnsItsClock()
    {
        await using var host = await StartAsync();
        var ping = await host.AuthApi.PingAsync();
        Assert.That(ping.Value?.Time, Is.EqualTo(DuoTestHost.Start));
    }

    [Test]
    public async Task CheckAsync_RightKeys_Succeeds()
    {
        await using var host = await StartAsync();
        var check = await host.AuthApi.CheckAsync();
        Assert.That(check.Succeeded, Is.True, $"{check.Failure} {check.DuoErrorCode} {check.ErrorMessage}");
    }

    [Test]
    public async Task CheckAsync_WrongSecretKey_Rejected40103()
    {
        await using var host = await StartAsync(o => o.SecretKey = new string('k', 40));
        var check = await host.AuthApi.CheckAsync();
        Assert.Multiple(() =>
        {
            Assert.That(check.Failure, Is.EqualTo(DuoFailureKind.Rejected));
            Assert.That(check.HttpStatus, Is.EqualTo(401));
            Assert.That(check.DuoErrorCode, Is.EqualTo(40103));
            Assert.That(check.IsUnavailable, Is.False);
        });
    }

    [Test]
    public async Task CheckAsync_UnknownIntegrationKey_Rejected40102()
    {
        await using var host = await StartAsync(o => o.IntegrationKey = "DIUNKNOWNUNKNOWN0000");
        var check = await host.AuthApi.CheckAsync();
        Assert.That(check.DuoErrorCode, Is.EqualTo(40102));
    }

    [Test]
    public async Task CheckAsync_ClockSkewOverFiveMinutes_Rejected40103()
    {
        await using var host = await StartAsync();
        using var skewed = DuoTestHost.Build(new FakeTimeProvider(DuoTestHost.Start.AddMinutes(6)), o =>
        {
            o.IntegrationKey = host.Duo.Options.IntegrationKey;
            o.SecretKey = host.Duo.Options.SecretKey;
            o.ApiHost = host.Duo.ApiHost;
            o.AllowInsecureLoopbackHttp = true;
            o.SignatureVersion = version;
        });
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDuoAuthApiClient>(skewed);
        var check = await client.CheckAsync();
        Assert.That(check.DuoErrorCode, Is.EqualTo(40103));
    }

    [Test]
    public async Task PreauthAsync_ActiveUser_AuthWithDevicesAndCapabilities()
    {
        await using var host = await StartAsync();
        var preauth = await host.AuthApi.PreauthAsync("alice", "203.0.113.7");
        Assert.That(preauth.Succeeded, Is.True, $"{preauth.Failure} {preauth.ErrorMessage}");
        Assert.Multiple(() =>
        {
            Assert.That(preauth.Value!.Outcome, Is.EqualTo(DuoPreauthOutcome.Auth));
            Assert.That(preauth.Value.Devices, Has.Count.EqualTo(1));
            Assert.That(preauth.Value.Devices[0].Id, Is.EqualTo("DPFZRS9FB0D46QFTM891"));
            Assert.That(preauth.Value.Devices[0].Capabilities, Is.EqualTo(DuoDeviceCapabilities.Auto | DuoDeviceCapabilities.Push | DuoDeviceCapabilities.Phone | DuoDeviceCapabilities.Sms | DuoDeviceCapabilities.MobileOtp));
        });
    }

    [TestCase(DuoEmulatorUserState.Bypass, DuoPreauthOutcome.Allow)]
    [TestCase(DuoEmulatorUserState.Locked, DuoPreauthOutcome.Deny)]
    [TestCase(DuoEmulatorUserState.NotEnrolled, DuoPreauthOutcome.Enroll)]
    public async Task PreauthAsync_UserState_MapsToOutcome(DuoEmulatorUserState state, DuoPreauthOutcome expected)
    {
        await using var host = await StartAsync();
        host.Duo.AddUser("bob").State = state;
        var preauth = await host.AuthApi.PreauthAsync("bob");
        Assert.That(preauth.Value?.Outcome, Is.EqualTo(expected));
        if (expected == DuoPreauthOutcome.Enroll)
        {
            Assert.That(preauth.Value!.EnrollPortalUrl, Is.Not.Null);
        }
    }

    [Test]
    public async Task AuthAsync_PushAsyncApproved_WaitingThenAllow()
    {
        await using var host = await StartAsync();
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Push, Async = true, PushType = "Login request", PushInfo = "from=login%20portal" });
        Assert.That(auth.Value?.TransactionId, Is.Not.Null, $"{auth.Failure} {auth.ErrorMessage}");
        var first = await host.AuthApi.AuthStatusAsync(auth.Value!.TransactionId!);
        var second = await host.AuthApi.AuthStatusAsync(auth.Value.TransactionId!);
        Assert.Multiple(() =>
        {
            Assert.That(auth.Value.Outcome, Is.EqualTo(DuoAuthOutcome.Waiting));
            Assert.That(first.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Waiting));
            Assert.That(first.Value?.Status, Is.EqualTo("pushed"));
            Assert.That(second.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Allow));
        });
    }

    [TestCase(DuoEmulatorOutcome.Deny, "deny")]
    [TestCase(DuoEmulatorOutcome.Timeout, "timeout")]
    public async Task AuthAsync_PushAsyncRefused_Deny(DuoEmulatorOutcome outcome, string status)
    {
        await using var host = await StartAsync();
        var bob = host.Duo.AddUser("bob");
        bob.Outcome = outcome;
        bob.WaitingPolls = 0;
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "bob", Factor = DuoAuthFactor.Push, Async = true });
        var final = await host.AuthApi.AuthStatusAsync(auth.Value!.TransactionId!);
        Assert.Multiple(() =>
        {
            Assert.That(final.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Deny));
            Assert.That(final.Value?.Status, Is.EqualTo(status));
        });
    }

    [Test]
    public async Task AuthAsync_PasscodeSync_AllowOnceThenDeny()
    {
        await using var host = await StartAsync();
        var request = new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Passcode, Passcode = "123456" };
        var first = await host.AuthApi.AuthAsync(request);
        var second = await host.AuthApi.AuthAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(first.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Allow), $"{first.Failure} {first.ErrorMessage}");
            Assert.That(second.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Deny));
        });
    }

    [Test]
    public async Task AuthAsync_PhoneSync_Allow()
    {
        await using var host = await StartAsync();
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Phone, Device = "DPFZRS9FB0D46QFTM891" });
        Assert.That(auth.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Allow));
    }

    [Test]
    public async Task AuthAsync_LockedUser_Deny()
    {
        await using var host = await StartAsync();
        host.Duo.AddUser("carol").State = DuoEmulatorUserState.Locked;
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "carol", Factor = DuoAuthFactor.Push });
        Assert.That(auth.Value?.Outcome, Is.EqualTo(DuoAuthOutcome.Deny));
    }

    [Test]
    public async Task AuthAsync_DeviceWithoutCapability_Rejected40002()
    {
        await using var host = await StartAsync();
        var erin = host.Duo.AddUser("erin");
        erin.Devices.Clear();
        erin.Devices.Add(new DuoEmulatorDevice("DHTOKEN0000000000001", "token", "token", "token", string.Empty, []));
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "erin", Factor = DuoAuthFactor.Push });
        Assert.Multiple(() =>
        {
            Assert.That(auth.Failure, Is.EqualTo(DuoFailureKind.Rejected));
            Assert.That(auth.DuoErrorCode, Is.EqualTo(40002));
            Assert.That(auth.ErrorMessage, Does.Contain("no capable device"));
        });
    }

    [TestCase(DuoAuthOptions.Passcode, DuoAuthFactor.Push)]
    [TestCase(DuoAuthOptions.Push, DuoAuthFactor.Phone)]
    [TestCase(DuoAuthOptions.Push | DuoAuthOptions.Passcode, DuoAuthFactor.Auto)]
    [TestCase(DuoAuthOptions.Push, DuoAuthFactor.Passcode)]
    public async Task AuthAsync_OptionNotAllowedByAdmin_RefusedWithoutCallingDuo(DuoAuthOptions allowed, DuoAuthFactor factor)
    {
        await using var host = await StartAsync(o => o.AllowedAuthOptions = allowed);
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = factor, Passcode = "123456" });
        Assert.Multiple(() =>
        {
            Assert.That(auth.Failure, Is.EqualTo(DuoFailureKind.NotAllowed));
            Assert.That(auth.FailureReason, Is.EqualTo(MfaFailureReason.FactorNotAllowed));
            Assert.That(host.Duo.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task AuthAsync_PasscodeMissing_RefusedWithoutCallingDuo()
    {
        await using var host = await StartAsync();
        var auth = await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Passcode });
        Assert.That(auth.Failure, Is.EqualTo(DuoFailureKind.NotAllowed));
    }

    [Test]
    public async Task PreauthAsync_DuoDownForThisUser_ServerErrorCountsAsUnavailable()
    {
        await using var host = await StartAsync();
        host.Duo.AddUser("frank").ServerError = true;
        var preauth = await host.AuthApi.PreauthAsync("frank");
        Assert.Multiple(() =>
        {
            Assert.That(preauth.Failure, Is.EqualTo(DuoFailureKind.ServerError));
            Assert.That(preauth.IsUnavailable, Is.True);
            Assert.That(preauth.FailureReason, Is.EqualTo(MfaFailureReason.DuoUnavailable));
        });
    }

    [Test]
    public async Task PreauthAsync_DuoHangs_Timeout()
    {
        await using var host = await StartAsync(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        host.Duo.Outage = DuoEmulatorOutage.Hang;
        var preauth = await DuoTestHost.TimeOutHeldCallAsync(host.Time, host.Duo, () => host.AuthApi.PreauthAsync("alice"), TimeSpan.FromMilliseconds(200));
        Assert.That(preauth.Failure, Is.EqualTo(DuoFailureKind.Timeout));
    }

    [Test]
    public async Task PingAsync_EmulatorStopped_Unreachable()
    {
        await using var host = await StartAsync();
        await host.Duo.StopAsync();
        var ping = await host.AuthApi.PingAsync();
        Assert.That(ping.Failure, Is.EqualTo(DuoFailureKind.Unreachable));
    }

    [Test]
    public async Task AuthStatusAsync_UnknownTransaction_Rejected()
    {
        await using var host = await StartAsync();
        var status = await host.AuthApi.AuthStatusAsync("00000000-0000-0000-0000-000000000000");
        Assert.That(status.Failure, Is.EqualTo(DuoFailureKind.Rejected));
    }
}
