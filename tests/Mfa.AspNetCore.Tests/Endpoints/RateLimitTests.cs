using System.Net;

namespace Mfa.AspNetCore.Tests.Endpoints;

[TestFixture]
public sealed class RateLimitTests : WebTestBase
{
    private protected override Action<MfaAspNetCoreOptions>? Configure => o =>
    {
        o.PasskeySignInRateLimit = new MfaRateLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
        o.DeviceRateLimit = new MfaRateLimit { PermitLimit = 2, Window = TimeSpan.FromHours(1) };
    };

    [Test]
    public async Task PasskeyBegin_OverTheLimit_RateLimitedProblem()
    {
        using var browser = Host.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            var ok = await browser.PostAsync("/mfa/passkey/begin");
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        }

        var refused = await browser.PostAsync("/mfa/passkey/begin");

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimited");
    }

    [Test]
    public async Task DeviceAnswer_OverTheLimit_RateLimitedProblem()
    {
        using var browser = Host.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            await browser.PostAsync("/mfa/push/v1/challenges/x/response", new { response = "a.b.c" }, antiforgery: false);
        }

        var refused = await browser.PostAsync("/mfa/push/v1/challenges/x/response", new { response = "a.b.c" }, antiforgery: false);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimited");
    }

    [TestCase("GET", "/mfa/push/v1/challenges")]
    [TestCase("POST", "/mfa/push/v1/device/push-address")]
    public async Task DeviceRoute_OverTheLimit_RateLimitedProblem(string method, string path)
    {
        using var browser = Host.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            await browser.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { update = "a.b.c" }, antiforgery: false);
        }

        var refused = await browser.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { update = "a.b.c" }, antiforgery: false);

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "RateLimited");
    }

    [Test]
    public async Task PasskeyBegin_ReturnsRequestOptions()
    {
        using var browser = Host.NewBrowser();

        var json = await Browser.JsonAsync(await browser.PostAsync("/mfa/passkey/begin"));

        Assert.That(json["prompt"]!["options"]!["challenge"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(json["challengeId"]!.GetValue<string>(), Is.Not.Empty);
    }
}
