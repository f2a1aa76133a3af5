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
}
