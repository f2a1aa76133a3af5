using System.Net;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>mfa.js's self-test page: served at {prefix}/self-test only when enabled, importing the package's mfa.js.</summary>
[TestFixture]
public sealed class SelfTestTests
{
    [TestCase("/mfa/self-test")]
    [TestCase("/_content/Mfa.AspNetCore/mfa.test.html")]
    public async Task SelfTest_Enabled_ServesThePageWithTheModulePath(string path)
    {
        await using var host = await WebTestHost.StartAsync(o => o.ServeSelfTest = true);
        using var browser = host.NewBrowser();

        var response = await browser.Client.GetAsync(path);

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page, Does.Contain("from \"/_content/Mfa.AspNetCore/mfa.js\"").And.Contain("window.mfaTestResult"));
    }

    [Test]
    public async Task SelfTest_DefaultOutsideDevelopment_NotMapped()
    {
        await using var host = await WebTestHost.StartAsync();
        using var browser = host.NewBrowser();

        var response = await browser.Client.GetAsync("/mfa/self-test");
        var legacy = await browser.Client.GetAsync("/_content/Mfa.AspNetCore/mfa.test.html");

        Assert.That((response.StatusCode, legacy.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }
}
