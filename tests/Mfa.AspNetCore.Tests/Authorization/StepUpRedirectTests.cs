using System.Net;
using System.Net.Http.Headers;
using Mfa.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Tests.Authorization;

[TestFixture]
public sealed class StepUpRedirectTests : WebTestBase
{
    private protected override Action<MfaAspNetCoreOptions>? Configure => o => o.StepUpPath = "/account/mfa";

    [Test]
    public async Task RequireRecentMfa_StaleMfaBrowserPage_RedirectedToStepUpWithReturnUrl()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            Host.Time.Advance(TimeSpan.FromMinutes(6));

            using var response = await browser.Client.SendAsync(HtmlPost("/password?from=menu"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/account/mfa?stepUp=password&returnUrl=%2Fpassword%3Ffrom%3Dmenu"));
        }
    }

    [Test]
    public async Task RequireRecentMfa_StaleMfaFetch_StillForbidden()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            Host.Time.Advance(TimeSpan.FromMinutes(6));

            using var response = await browser.PostAsync("/password", antiforgery: false);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a request that does not accept HTML keeps the 403");
        }
    }

    [Test]
    public async Task RequireRecentMfa_FreshMfaBrowserPage_NotRedirected()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            using var response = await browser.Client.SendAsync(HtmlPost("/password"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task RequireRole_NotAnAdminBrowserPage_DefaultForbidden()
    {
        var (browser, _) = await SignedInAsync();
        using (browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/mfa/admin/users");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

            using var response = await browser.Client.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a failed non-MFA requirement is never turned into a step-up");
        }
    }

    [TestCase("/Security/Password", "security-password")]
    [TestCase("/", "session")]
    [TestCase("/a-b/ü/C_d", "ab-cd")]
    public void Action_Path_LowercaseLettersAndDigitsPerSegment(string path, string expected) =>
        Assert.That(StepUpRedirectHandler.Action(new PathString(path)), Is.EqualTo(expected));

    private static HttpRequestMessage HtmlPost(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }
}
