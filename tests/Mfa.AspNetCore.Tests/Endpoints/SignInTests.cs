using System.Net;
using System.Text.Json.Nodes;

namespace Mfa.AspNetCore.Tests.Endpoints;

[TestFixture]
public sealed class SignInTests : WebTestBase
{
    [Test]
    public async Task Totp_EnrollThenChallenge_SignsInWithOtpAndMfaAmr()
    {
        using var browser = Host.NewBrowser();
        var secret = await EnrollTotpAsync(browser);

        var response = await TotpChallengeAsync(browser, secret);

        var json = await Browser.JsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        Assert.That(json["amr"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EquivalentTo(new[] { "otp", "mfa" }));
        var claims = await Browser.JsonAsync(await browser.Client.GetAsync("/secret"));
        var pairs = claims.AsArray().Select(c => (c![0]!.GetValue<string>(), c[1]!.GetValue<string>())).ToList();
        Assert.That(pairs, Does.Contain(("amr", "otp")).And.Contain(("amr", "mfa")).And.Contain(("mfa_kind", "totp")));
        Assert.That(pairs, Does.Contain(("mfa_time", Host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(pairs, Does.Contain(("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "member")), "claims carried from the first factor");
    }

    [Test]
    public async Task Totp_SignedIn_RemovesThePendingCookie()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var cookies = browser.Handler.Cookies.GetCookies(new Uri(WebTestHost.Origin + "/mfa/status"));
            Assert.That(cookies.Select(c => c.Name), Does.Not.Contain(".Mfa.Pending"));
            var status = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/status"));
            Assert.That(status["session"]!.GetValue<string>(), Is.EqualTo("signedIn"));
        }
    }

    [Test]
    public async Task Login_PendingCookie_CannotReachNonMfaEndpoints()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        var cookie = browser.Handler.Cookies.GetAllCookies().Single(c => c.Name == ".Mfa.Pending");
        Assert.That(cookie.Path, Is.EqualTo("/mfa"));
        Assert.That(cookie.HttpOnly, Is.True);

        // Even sent to a non-MFA path (by hand: the browser would not), the pending scheme is not the host's scheme.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/secret");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var secret = await browser.Client.SendAsync(request);
        Assert.That(secret.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var plain = await browser.Client.GetAsync("/plain");
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var status = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/status"));
        Assert.That(status["session"]!.GetValue<string>(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task Login_PendingCookieExpired_MfaEndpointsRefuse()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");
        Host.Time.Advance(TimeSpan.FromMinutes(6));

        await AssertProblemAsync(await browser.Client.GetAsync("/mfa/status"), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Test]
    public async Task Status_NoSession_NotAuthenticatedProblem()
    {
        using var browser = Host.NewBrowser();

        await AssertProblemAsync(await browser.Client.GetAsync("/mfa/status"), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Test]
    public async Task Status_Pending_ListsRegisteredFactorsAndState()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        var status = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/status"));

        Assert.That(status["userId"]!.GetValue<string>(), Is.EqualTo("alice"));
        Assert.That(status["factors"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[] { "push", "totp", "webauthn" }));
        Assert.That(status["authenticators"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task CompleteChallenge_WrongCode_InvalidCodeProblem()
    {
        using var browser = Host.NewBrowser();
        var secret = await EnrollTotpAsync(browser);
        var wrong = CodeFor(secret) == "000000" ? "111111" : "000000";

        var response = await TotpChallengeAsync(browser, secret, wrong);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "InvalidCode");
        Assert.That((await browser.Client.GetAsync("/plain")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task CompleteChallenge_ProblemNeverHoldsTheCode()
    {
        using var browser = Host.NewBrowser();
        var secret = await EnrollTotpAsync(browser);

        var response = await TotpChallengeAsync(browser, secret, "987654");

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("987654").And.Not.Contain(secret));
    }

    [Test]
    public async Task Post_WithoutAntiforgeryToken_AntiforgeryRejectedProblem()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        var response = await browser.PostAsync("/mfa/enrollments/totp/begin", new { name = "Phone" }, antiforgery: false);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "AntiforgeryRejected");
    }

    [TestCase("{not json")]
    [TestCase("[1,2]")]
    [TestCase("\"text\"")]
    [TestCase("")]
    [TestCase("{\"challengeId\": 5, \"code\": {}}")]
    public async Task CompleteChallenge_MalformedJson_MalformedInputProblem(string body)
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        var response = await browser.SendAsync(HttpMethod.Post, "/mfa/challenges/totp/complete", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "MalformedInput");
    }

    [Test]
    public async Task BeginChallenge_UnregisteredKind_UnknownFactorProblem()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        await AssertProblemAsync(await browser.PostAsync("/mfa/challenges/duo/begin"), HttpStatusCode.NotFound, "UnknownFactor");
    }

    [Test]
    public async Task BeginChallenge_NotEnrolled_NotEnrolledProblem()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("alice");

        await AssertProblemAsync(await browser.PostAsync("/mfa/challenges/totp/begin"), HttpStatusCode.NotFound, "NotEnrolled");
    }

    [Test]
    public async Task CompleteChallenge_UnknownChallenge_ChallengeNotFoundProblem()
    {
        using var browser = Host.NewBrowser();
        await EnrollTotpAsync(browser);

        var response = await browser.PostAsync("/mfa/challenges/totp/complete", new { challengeId = "nope", code = "123456" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "ChallengeNotFound");
    }

    [Test]
    public async Task RecoveryCodes_GeneratedThenRedeemedAtNextSignIn_SignsIn()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            var generated = await browser.PostAsync("/mfa/recovery-codes");
            var codes = (await Browser.JsonAsync(generated))["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            Assert.That(codes, Is.Not.Empty);

            using var next = Host.NewBrowser();
            await next.LoginAsync("alice");
            var redeemed = await next.PostAsync("/mfa/recovery-codes/redeem", new { code = codes[0] });

            var json = await Browser.JsonAsync(redeemed);
            Assert.That(redeemed.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
            Assert.That(json["kind"]!.GetValue<string>(), Is.EqualTo("recovery"));
            Assert.That((await next.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task RecoveryCodes_FromPendingSession_NotAuthenticated()
    {
        using var browser = Host.NewBrowser();
        await EnrollTotpAsync(browser);

        await AssertProblemAsync(await browser.PostAsync("/mfa/recovery-codes"), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Test]
    public async Task Antiforgery_ReturnsHeaderNameAndToken()
    {
        using var browser = Host.NewBrowser();

        var json = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/antiforgery"));

        Assert.That(json["headerName"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(json["token"]!.GetValue<string>(), Is.Not.Empty);
        _ = JsonNode.Parse("{}");
    }
}
