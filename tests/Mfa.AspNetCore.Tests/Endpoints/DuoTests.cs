using System.Net;
using Mfa.Duo;
using Mfa.Duo.Emulator;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>Duo's Universal Prompt through the emulator: begin, the browser at Duo, the redirect to <c>/mfa/duo/callback</c>.</summary>
[TestFixture]
public sealed class DuoTests
{
    private DuoEmulator _duo = null!;
    private WebTestHost _host = null!;

    [SetUp]
    public async Task StartAsync()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        _duo = await DuoEmulator.StartAsync(new DuoEmulatorOptions { TimeProvider = time });
        _duo.AddUser("carol").WithPasscode("123456");
        _host = await WebTestHost.StartAsync(
            o => o.SignedInRedirectPath = "/home",
            mfa => mfa.AddDuo(o =>
            {
                o.ClientId = _duo.Options.ClientId;
                o.ClientSecret = _duo.Options.ClientSecret;
                o.IntegrationKey = _duo.Options.IntegrationKey;
                o.SecretKey = _duo.Options.SecretKey;
                o.ApiHost = _duo.ApiHost;
                o.AllowInsecureLoopbackHttp = true;
                o.RedirectUri = new Uri(WebTestHost.Origin + "/mfa/duo/callback");
                o.MaxRetries = 0;
                o.RetryDelay = TimeSpan.Zero;
            }),
            time);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _duo.DisposeAsync();
    }

    private async Task EnrollAsync(string user)
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync(user);
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/enrollments/duo/begin", new { name = "Duo", username = user }));
        var done = await browser.PostAsync("/mfa/enrollments/duo/complete", new { enrollmentId = begun["enrollmentId"]!.GetValue<string>() });
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
    }

    private static async Task<Uri> AtDuoAsync(string authorizationUrl)
    {
        using var atDuo = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await atDuo.GetAsync(new Uri(authorizationUrl));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    [Test]
    public async Task UniversalPrompt_Callback_SignsInAndRedirectsToReturnUrl()
    {
        await EnrollAsync("carol");
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/duo/begin", new { mode = "universalPrompt", returnUrl = "/account" }));
        var callback = await AtDuoAsync(begun["prompt"]!["authorizationUrl"]!.GetValue<string>());
        Assert.That(callback.AbsolutePath, Is.EqualTo("/mfa/duo/callback"));

        var landed = await browser.Client.GetAsync(callback.PathAndQuery);

        Assert.That(landed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(landed.Headers.Location!.OriginalString, Is.EqualTo("/account"));
        var claims = await Browser.JsonAsync(await browser.Client.GetAsync("/secret"));
        var amr = claims.AsArray().Where(c => c![0]!.GetValue<string>() == "amr").Select(c => c![1]!.GetValue<string>());
        Assert.That(amr, Is.EquivalentTo(new[] { "mca", "mfa" }));
    }

    [Test]
    public async Task UniversalPrompt_CallbackReplayed_RedirectsWithError()
    {
        await EnrollAsync("carol");
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/duo/begin", new { mode = "universalPrompt" }));
        var callback = await AtDuoAsync(begun["prompt"]!["authorizationUrl"]!.GetValue<string>());
        await browser.Client.GetAsync(callback.PathAndQuery);

        using var attacker = _host.NewBrowser();
        await attacker.LoginAsync("carol");
        var replayed = await attacker.Client.GetAsync(callback.PathAndQuery);

        Assert.That(replayed.Headers.Location!.OriginalString, Does.StartWith("/?mfaError="));
        Assert.That((await attacker.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Callback_WithoutSession_RedirectsNotAuthenticated()
    {
        using var browser = _host.NewBrowser();

        var landed = await browser.Client.GetAsync("/mfa/duo/callback?state=abc&code=def");

        Assert.That(landed.Headers.Location!.OriginalString, Is.EqualTo("/?mfaError=" + nameof(Core.MfaFailureReason.NotAuthenticated)));
    }

    [Test]
    public async Task Passcode_AuthApi_SignsIn()
    {
        await EnrollAsync("carol");
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/duo/begin", new { mode = "passcode" }));

        var done = await browser.PostAsync("/mfa/challenges/duo/complete", new { challengeId = begun["challengeId"]!.GetValue<string>(), passcode = "123456" });

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
        _ = DuoChallengeMode.Passcode;
    }
}
