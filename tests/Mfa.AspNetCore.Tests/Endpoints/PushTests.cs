using System.Net;
using System.Text.Json;
using Mfa.Push.Device;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>Push end to end: the page through the MFA endpoints, the phone (Mfa.Push.Device) through the device endpoints, the in-process transport between.</summary>
[TestFixture]
public sealed class PushTests : WebTestBase
{
    private readonly List<PushDevice> _devices = [];

    /// <summary>A cap shorter than push's poll interval: a wait with no answer comes back at once (no test sleeps).</summary>
    private protected override Action<MfaAspNetCoreOptions>? Configure => o => o.LongPollTimeout = TimeSpan.FromSeconds(1);

    [TearDown]
    public void DisposeDevices()
    {
        foreach (var device in _devices)
        {
            device.Dispose();
        }
    }

    /// <summary>Password, then push as the first factor: the page shows the QR URI, the phone enrolls without a cookie.</summary>
    private async Task<(PushDevice Device, string Inbox)> EnrollPhoneAsync(string user)
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync(user);
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/enrollments/push/begin", new { name = "Phone" }));
        var uri = begun["prompt"]!["enrollmentUri"]!.GetValue<string>();
        Assert.That(PushEnrollmentLink.TryParse(uri, out var link, out _), Is.True, uri);
        var device = PushDevice.Create(withUvKey: true, Host.Time);
        _devices.Add(device);
        var inbox = "phone-" + user;
        var request = device.CreateEnrollmentRequest(link!, new PushDeviceInfo("android", "Test phone", "1.0", "16"), DevicePushAddress.InProcess(inbox));

        using var phone = Host.NewBrowser();
        var enrolled = await phone.PostAsync("/mfa/push/v1/enroll", PushDevice.EnrollmentBody(request), antiforgery: false);

        var body = await enrolled.Content.ReadAsStringAsync();
        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        Assert.That(device.CompleteEnrollment(link!, body), Is.EqualTo(PushDeviceError.None));
        return (device, inbox);
    }

    /// <summary>The phone: notified, fetches the challenge with its proof, answers — all without a cookie.</summary>
    private async Task<HttpResponseMessage> PhoneAnswersAsync(PushDevice device, string inbox, PushDeviceAction action, string? number)
    {
        Assert.That(Host.Transport.TryReceive(inbox, out var message), Is.True, "the phone was notified");
        using var phone = Host.NewBrowser();
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

    [Test]
    public async Task Push_PhoneApproves_WaitSignsInWithMcaAndMfa()
    {
        var (device, inbox) = await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));
        var challengeId = begun["challengeId"]!.GetValue<string>();
        var number = begun["prompt"]!["displayNumber"]?.GetValue<string>();

        var answered = await PhoneAnswersAsync(device, inbox, PushDeviceAction.Approve, number);
        Assert.That((await Browser.JsonAsync(answered))["outcome"]!.GetValue<string>(), Is.EqualTo("approved"));
        var waited = await browser.PostAsync("/mfa/challenges/push/wait", new { challengeId });

        var json = await Browser.JsonAsync(waited);
        Assert.That(waited.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["amr"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("mca").And.Contain("mfa"));
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Push_NotAnsweredYet_CompleteIsPending202()
    {
        await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));

        var polled = await browser.PostAsync("/mfa/challenges/push/complete", new { challengeId = begun["challengeId"]!.GetValue<string>() });

        var json = await Browser.JsonAsync(polled);
        Assert.That(polled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToJsonString());
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        Assert.That(json["pollIntervalMs"]!.GetValue<long>(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Wait_NoAnswerWithinTheCap_Pending202()
    {
        await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));

        var waited = await browser.PostAsync("/mfa/challenges/push/wait", new { challengeId = begun["challengeId"]!.GetValue<string>() });

        Assert.That(waited.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await waited.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Wait_CodeFactor_WrongFactorFlowProblem()
    {
        using var browser = Host.NewBrowser();
        await EnrollTotpAsync(browser, "bob");

        await AssertProblemAsync(await browser.PostAsync("/mfa/challenges/totp/wait", new { challengeId = "x" }), HttpStatusCode.BadRequest, "WrongFactorFlow");
    }

    [Test]
    public async Task Push_PhoneDenies_WaitIsDeniedProblem()
    {
        var (device, inbox) = await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));

        await PhoneAnswersAsync(device, inbox, PushDeviceAction.Deny, null);
        var waited = await browser.PostAsync("/mfa/challenges/push/wait", new { challengeId = begun["challengeId"]!.GetValue<string>() });

        await AssertProblemAsync(waited, HttpStatusCode.BadRequest, "Denied");
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task DeviceAnswer_ForgedToken_RefusedWithoutSigningAnyoneIn()
    {
        await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/push/begin"));
        var challengeId = begun["challengeId"]!.GetValue<string>();
        using var phone = Host.NewBrowser();

        var answered = await phone.PostAsync($"/mfa/push/v1/challenges/{challengeId}/response", new { response = "eyJhbGciOiJFUzI1NiJ9.e30.AAAA" }, antiforgery: false);

        Assert.That((int)answered.StatusCode, Is.InRange(400, 499));
        Assert.That(answered.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task DeviceEnroll_UnknownEnrollment_400Problem()
    {
        using var phone = Host.NewBrowser();

        var response = await phone.PostAsync("/mfa/push/v1/enroll", new { enroll = "a.b.c" }, antiforgery: false);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "MalformedInput");
    }
}
