using System.Net;

namespace Mfa.AspNetCore.Tests.Authorization;

[TestFixture]
public sealed class StepUpTests : WebTestBase
{
    [Test]
    public async Task RequireRecentMfa_FreshMfa_Allowed()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            Assert.That((await browser.PostAsync("/password", antiforgery: false)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task RequireRecentMfa_StaleMfa_ForbiddenUntilSteppedUp()
    {
        var (browser, secret) = await SignedInAsync();
        using (browser)
        {
            Host.Time.Advance(TimeSpan.FromMinutes(6));
            Assert.That((await browser.PostAsync("/password", antiforgery: false)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "RequireMfa has no age");

            var stepUp = await TotpChallengeAsync(browser, secret);

            var json = await Browser.JsonAsync(stepUp);
            Assert.That(stepUp.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
            Assert.That((await browser.PostAsync("/password", antiforgery: false)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task RequireMfa_PasswordOnlySession_Refused()
    {
        using var browser = Host.NewBrowser();
        await browser.Client.PostAsync("/login-admin?user=root", null);

        Assert.That((await browser.Client.GetAsync("/plain")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task RenameAuthenticator_StaleMfa_ReauthenticationRequired()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var list = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/authenticators"));
            var id = list.AsArray()[0]!["id"]!.GetValue<string>();
            Host.Time.Advance(TimeSpan.FromMinutes(6));

            var response = await browser.SendAsync(HttpMethod.Patch, $"/mfa/authenticators/{id}", new { name = "Renamed" });

            await AssertProblemAsync(response, HttpStatusCode.Forbidden, "ReauthenticationRequired");
        }
    }

    [Test]
    public async Task RenameAuthenticator_FreshMfa_Renamed()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var list = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/authenticators"));
            var id = list.AsArray()[0]!["id"]!.GetValue<string>();

            var response = await browser.SendAsync(HttpMethod.Patch, $"/mfa/authenticators/{id}", new { name = "Renamed" });

            var json = await Browser.JsonAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
            Assert.That(json["authenticator"]!["name"]!.GetValue<string>(), Is.EqualTo("Renamed"));
        }
    }

    [TestCase("/mfa/recovery-codes")]
    [TestCase("/mfa/enrollments/totp/begin")]
    public async Task FactorChange_StaleMfa_ReauthenticationRequired(string path)
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            Host.Time.Advance(TimeSpan.FromMinutes(6));

            await AssertProblemAsync(await browser.PostAsync(path, new { name = "Second" }), HttpStatusCode.Forbidden, "ReauthenticationRequired");
        }
    }

    [Test]
    public async Task RemoveAuthenticator_StaleMfa_ReauthenticationRequired()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var list = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/authenticators"));
            var id = list.AsArray()[0]!["id"]!.GetValue<string>();
            Host.Time.Advance(TimeSpan.FromMinutes(6));

            await AssertProblemAsync(await browser.SendAsync(HttpMethod.Delete, $"/mfa/authenticators/{id}"), HttpStatusCode.Forbidden, "ReauthenticationRequired");
        }
    }

    [Test]
    public async Task EnrollSecondFactor_FromPendingSession_ReauthenticationRequired()
    {
        using var browser = Host.NewBrowser();
        await EnrollTotpAsync(browser);

        await AssertProblemAsync(await browser.PostAsync("/mfa/enrollments/totp/begin", new { name = "Second" }), HttpStatusCode.Forbidden, "ReauthenticationRequired");
    }
}
