using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;

namespace Mfa.AspNetCore.Tests;

/// <summary>A fresh host per test, and the steps most tests share (password → TOTP enrollment → sign-in).</summary>
public abstract class WebTestBase
{
    private protected WebTestHost Host { get; private set; } = null!;

    private protected virtual Action<MfaAspNetCoreOptions>? Configure => null;

    /// <summary>More registrations on the MFA builder (factors, store decorators).</summary>
    private protected virtual Action<IMfaBuilder>? AddFactors => null;

    [SetUp]
    public async Task StartHostAsync() => Host = await WebTestHost.StartAsync(Configure, AddFactors);

    [TearDown]
    public async Task StopHostAsync() => await Host.DisposeAsync();

    private protected string CodeFor(string secret, TimeSpan offset = default)
    {
        Assert.That(Base32.TryDecode(secret, out var key, out _), Is.True);
        return TotpCode.Generate(key, Host.Time.GetUtcNow() + offset, TotpParameters.Default);
    }

    /// <summary>Password, then a first TOTP enrollment from the pending session; returns the secret.</summary>
    private protected async Task<string> EnrollTotpAsync(Browser browser, string user = "alice")
    {
        Assert.That((await browser.LoginAsync(user)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var begun = await browser.PostAsync("/mfa/enrollments/totp/begin", new { name = "Phone" });
        var json = await Browser.JsonAsync(begun);
        Assert.That(begun.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        var secret = json["prompt"]!["secret"]!.GetValue<string>();
        var completed = await browser.PostAsync("/mfa/enrollments/totp/complete", new { enrollmentId = json["enrollmentId"]!.GetValue<string>(), code = CodeFor(secret) });
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
        Host.Time.Advance(TimeSpan.FromSeconds(30));
        return secret;
    }

    /// <summary>A TOTP challenge (begin + complete) from whatever session the browser has.</summary>
    private protected async Task<HttpResponseMessage> TotpChallengeAsync(Browser browser, string secret, string? code = null, string? purpose = null)
    {
        var begun = await browser.PostAsync("/mfa/challenges/totp/begin", new { purpose });
        var json = await Browser.JsonAsync(begun);
        Assert.That(begun.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        return await browser.PostAsync("/mfa/challenges/totp/complete", new { challengeId = json["challengeId"]!.GetValue<string>(), purpose, code = code ?? CodeFor(secret) });
    }

    /// <summary>Password + TOTP: a signed-in session with MFA.</summary>
    private protected async Task<(Browser Browser, string Secret)> SignedInAsync(string user = "alice")
    {
        var browser = Host.NewBrowser();
        var secret = await EnrollTotpAsync(browser, user);
        var signedIn = await TotpChallengeAsync(browser, secret);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signedIn.Content.ReadAsStringAsync());
        Host.Time.Advance(TimeSpan.FromSeconds(30));
        return (browser, secret);
    }

    private protected static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var json = JsonNode.Parse(body)!;
        Assert.That(json["failureReason"]!.GetValue<string>(), Is.EqualTo(reason), body);
        Assert.That(json["failureCode"]!.GetValue<int>(), Is.EqualTo((int)Enum.Parse<Core.MfaFailureReason>(reason)));
        Assert.That(json["status"]!.GetValue<int>(), Is.EqualTo((int)status));
    }
}
