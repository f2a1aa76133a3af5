using System.Net;
using Mfa.Push.Device;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>Push end to end: the page through the MFA endpoints, the phone (Mfa.Push.Device) through the device endpoints, the in-process transport between.</summary>
[TestFixture]
public sealed class PushTests : WebTestBase
{
    private PushPhones _phones = null!;

    /// <summary>A cap shorter than push's poll interval: a wait with no answer comes back at once (no test sleeps).</summary>
    private protected override Action<MfaAspNetCoreOptions>? Configure => o => o.LongPollTimeout = TimeSpan.FromSeconds(1);

    [SetUp]
    public void CreatePhones() => _phones = new PushPhones(Host);

    [TearDown]
    public void DisposePhones() => _phones.Dispose();

    private Task<(PushDevice Device, string Inbox)> EnrollPhoneAsync(string user) => _phones.EnrollAsync(user);

    private Task<HttpResponseMessage> PhoneAnswersAsync(PushDevice device, string inbox, PushDeviceAction action, string? number) =>
        _phones.AnswerAsync(device, inbox, action, number);

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

    /// <summary>A signature byte changed: the JWS still parses but no longer verifies.</summary>
    private static string Forged(string jws)
    {
        var at = jws.LastIndexOf('.') + 5;
        return jws[..at] + (jws[at] == 'A' ? 'B' : 'A') + jws[(at + 1)..];
    }

    private async Task<HttpResponseMessage> PullAsync(string proof)
    {
        using var phone = Host.NewBrowser();
        using var pull = new HttpRequestMessage(HttpMethod.Get, new Uri(WebTestHost.Origin + "/mfa/push/v1/challenges"));
        pull.Headers.Add("MfaPush-Proof", proof);
        return await phone.Client.SendAsync(pull);
    }

    private static Uri PullUri => new(WebTestHost.Origin + "/mfa/push/v1/challenges");

    [Test]
    public async Task Pull_ValidProof_ListsThePendingChallenge()
    {
        var (device, _) = await EnrollPhoneAsync("bob");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("bob");
        await browser.PostAsync("/mfa/challenges/push/begin");

        var pulled = await PullAsync(device.CreateProof("GET", PullUri));

        var body = await pulled.Content.ReadAsStringAsync();
        Assert.That(pulled.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var challenges = System.Text.Json.Nodes.JsonNode.Parse(body)!["challenges"]!.AsArray();
        Assert.That(challenges, Has.Count.EqualTo(1));
        Assert.That(device.ReadChallenge(challenges[0]!.GetValue<string>()).Error, Is.EqualTo(PushDeviceError.None));
    }

    [Test]
    public async Task Pull_ReplayedProof_401InvalidSignatureProblem()
    {
        var (device, _) = await EnrollPhoneAsync("bob");
        var proof = device.CreateProof("GET", PullUri);
        Assert.That((await PullAsync(proof)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await AssertProblemAsync(await PullAsync(proof), HttpStatusCode.Unauthorized, "InvalidSignature");
    }

    [Test]
    public async Task Pull_ForgedProof_401InvalidSignatureProblem()
    {
        var (device, _) = await EnrollPhoneAsync("bob");

        await AssertProblemAsync(await PullAsync(Forged(device.CreateProof("GET", PullUri))), HttpStatusCode.Unauthorized, "InvalidSignature");
    }

    [Test]
    public async Task Pull_NoProof_401InvalidSignatureProblem()
    {
        using var phone = Host.NewBrowser();

        await AssertProblemAsync(await phone.Client.GetAsync("/mfa/push/v1/challenges"), HttpStatusCode.Unauthorized, "InvalidSignature");
    }

    [Test]
    public async Task UpdateAddress_SignedUpdate_204AndReplayIs409Replayed()
    {
        var (device, _) = await EnrollPhoneAsync("bob");
        var update = PushDevice.UpdateBody(device.CreatePushAddressUpdate(DevicePushAddress.InProcess("phone-bob-2")));
        using var phone = Host.NewBrowser();

        var first = await phone.PostAsync("/mfa/push/v1/device/push-address", update, antiforgery: false);
        var second = await phone.PostAsync("/mfa/push/v1/device/push-address", update, antiforgery: false);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await first.Content.ReadAsStringAsync());
        var replay = await Browser.JsonAsync(second);
        await AssertProblemAsync(second, HttpStatusCode.Conflict, "Replayed");
        Assert.That(replay["error"]!.GetValue<string>(), Is.EqualTo("replay"));
    }

    [Test]
    public async Task UpdateAddress_ForgedSignature_401InvalidSignatureProblem()
    {
        var (device, _) = await EnrollPhoneAsync("bob");
        var update = PushDevice.UpdateBody(Forged(device.CreatePushAddressUpdate(DevicePushAddress.InProcess("phone-evil"))));
        using var phone = Host.NewBrowser();

        var response = await phone.PostAsync("/mfa/push/v1/device/push-address", update, antiforgery: false);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "InvalidSignature");
    }

    [Test]
    public async Task UpdateAddress_NoUpdateMember_400MalformedInput()
    {
        using var phone = Host.NewBrowser();

        await AssertProblemAsync(await phone.PostAsync("/mfa/push/v1/device/push-address", new { other = "x" }, antiforgery: false), HttpStatusCode.BadRequest, "MalformedInput");
    }
}
