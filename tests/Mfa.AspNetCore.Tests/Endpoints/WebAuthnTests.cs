using System.Net;
using System.Text.Json.Nodes;
using Mfa.Testing.WebAuthn;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>WebAuthn through the endpoints with a software authenticator: options out, the credential JSON in, amr per kind.</summary>
[TestFixture]
public sealed class WebAuthnTests : WebTestBase
{
    private readonly List<TestAuthenticator> _authenticators = [];

    [TearDown]
    public void DisposeAuthenticators()
    {
        foreach (var authenticator in _authenticators)
        {
            authenticator.Dispose();
        }
    }

    private async Task<TestAuthenticator> EnrollAsync(Browser browser, string user, string authenticatorType)
    {
        Assert.That((await browser.LoginAsync(user)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/enrollments/webauthn/begin", new { name = "Key", authenticatorType }));
        var authenticator = new TestAuthenticator(WebTestHost.Origin);
        _authenticators.Add(authenticator);
        var ceremony = authenticator.Register(begun["prompt"]!["options"]!.ToJsonString());
        var done = await browser.PostAsync("/mfa/enrollments/webauthn/complete", $"{{\"enrollmentId\":\"{begun["enrollmentId"]!.GetValue<string>()}\",\"credential\":{ceremony.ToJson()}}}");
        var json = await Browser.JsonAsync(done);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["authenticator"]!["authenticatorType"]!.GetValue<string>(), Is.EqualTo(authenticatorType));
        Assert.That(json["authenticator"]!["variant"]!.GetValue<string>(), Is.EqualTo(authenticatorType == "device" ? "platform" : "security-key"));
        authenticator.SignCount = 1;
        return authenticator;
    }

    private static IEnumerable<string> Amr(JsonNode signIn) => signIn["amr"]!.AsArray().Select(a => a!.GetValue<string>());

    [Test]
    public async Task SecurityKey_SecondFactor_SignsInWithHwk()
    {
        using var enrolling = Host.NewBrowser();
        var key = await EnrollAsync(enrolling, "dave", "securityKey");
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("dave");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/webauthn/begin"));
        var assertion = key.Assert(begun["prompt"]!["options"]!.ToJsonString());

        var done = await browser.PostAsync("/mfa/challenges/webauthn/complete", $"{{\"challengeId\":\"{begun["challengeId"]!.GetValue<string>()}\",\"credential\":{assertion.ToJson()}}}");

        var json = await Browser.JsonAsync(done);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(Amr(json), Does.Contain("hwk").And.Contain("user").And.Contain("mfa").And.Not.Contain("swk"));
    }

    [Test]
    public async Task Passkey_WithoutUsername_SignsInWithSwkAndPin()
    {
        using var enrolling = Host.NewBrowser();
        var passkey = await EnrollAsync(enrolling, "erin", "device");
        using var browser = Host.NewBrowser();
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/passkey/begin"));
        var assertion = passkey.Assert(begun["prompt"]!["options"]!.ToJsonString());

        var done = await browser.PostAsync("/mfa/passkey/complete", $"{{\"challengeId\":\"{begun["challengeId"]!.GetValue<string>()}\",\"credential\":{assertion.ToJson()}}}");

        var json = await Browser.JsonAsync(done);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["userId"]!.GetValue<string>(), Is.EqualTo("erin"));
        Assert.That(Amr(json), Is.EquivalentTo(new[] { "swk", "user", "pin", "mfa" }));
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Passkey_CorruptSignature_ProblemAndNoSession()
    {
        using var enrolling = Host.NewBrowser();
        var passkey = await EnrollAsync(enrolling, "erin", "device");
        using var browser = Host.NewBrowser();
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/passkey/begin"));
        var assertion = passkey.Assert(begun["prompt"]!["options"]!.ToJsonString());
        assertion.CorruptSignature = true;

        var done = await browser.PostAsync("/mfa/passkey/complete", $"{{\"challengeId\":\"{begun["challengeId"]!.GetValue<string>()}\",\"credential\":{assertion.ToJson()}}}");

        await AssertProblemAsync(done, HttpStatusCode.BadRequest, "InvalidSignature");
        Assert.That((await browser.Client.GetAsync("/plain")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task EnrollWebAuthn_UnknownAuthenticatorType_MalformedInput()
    {
        using var browser = Host.NewBrowser();
        await browser.LoginAsync("dave");

        await AssertProblemAsync(await browser.PostAsync("/mfa/enrollments/webauthn/begin", new { name = "Key", authenticatorType = "platform" }), HttpStatusCode.BadRequest, "MalformedInput");
    }
}
