using System.Net;
using System.Text.Json;
using Mfa.Push.Device;

namespace Mfa.AspNetCore.Tests;

/// <summary>Phones (Mfa.Push.Device) that enroll and answer through the device endpoints of a test host, without a cookie.</summary>
internal sealed class PushPhones(WebTestHost host) : IDisposable
{
    private readonly List<PushDevice> _devices = [];

    /// <summary>Password, then push as the first factor: the page shows the QR URI, the phone enrolls without a cookie.</summary>
    public async Task<(PushDevice Device, string Inbox)> EnrollAsync(string user)
    {
        using var browser = host.NewBrowser();
        await browser.LoginAsync(user);
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/enrollments/push/begin", new { name = "Phone" }));
        var uri = begun["prompt"]!["enrollmentUri"]!.GetValue<string>();
        Assert.That(PushEnrollmentLink.TryParse(uri, out var link, out _), Is.True, uri);
        var device = PushDevice.Create(withUvKey: true, host.Time);
        _devices.Add(device);
        var inbox = "phone-" + user;
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Test phone", "1.0", "16"), DevicePushAddress.InProcess(inbox));

        using var phone = host.NewBrowser();
        var enrolled = await phone.PostAsync("/mfa/push/v1/enroll", PushDevice.EnrollmentBody(request), antiforgery: false);

        var body = await enrolled.Content.ReadAsStringAsync();
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        Assert.That(device.CompleteEnrollment(link!, body), Is.EqualTo(PushDeviceError.None));
        return (device, inbox);
    }

    /// <summary>The phone: notified, fetches the challenge with its proof, answers — all without a cookie.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(PushDevice device, string inbox, PushDeviceAction action, string? number)
    {
        Assert.That(host.Transport.TryReceive(inbox, out var message), Is.True, "the phone was notified");
        using var phone = host.NewBrowser();
        var uri = device.ChallengeUri(message!.ChallengeId);
        using var fetch = new HttpRequestMessage(HttpMethod.Get, uri);
        fetch.Headers.Add("MfaPush-Proof", device.CreateProof("GET", uri));
        var fetched = await phone.Client.SendAsync(fetch);
        var fetchedBody = await fetched.Content.ReadAsStringAsync();
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK), fetchedBody);
        var read = device.ReadChallenge(JsonDocument.Parse(fetchedBody).RootElement.GetProperty("challenge").GetString()!);
        Assert.That(read.Error, Is.EqualTo(PushDeviceError.None));
        Assert.That(device.TryAnswer(read.Challenge!, action, number, PushDeviceDenyReason.None, out var token), Is.EqualTo(PushDeviceError.None));
        return await phone.PostAsync(device.ResponseUri(message.ChallengeId).AbsolutePath, PushDevice.ResponseBody(token), antiforgery: false);
    }

    public void Dispose()
    {
        foreach (var device in _devices)
        {
            device.Dispose();
        }
    }
}
