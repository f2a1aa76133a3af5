using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.Duo.Emulator;
using Mfa.Duo.Jwt;
using Mfa.Duo.UniversalPrompt;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.Emulator;

/// <summary>The emulator's OIDC endpoints as spec §2.4 and §7 describe them.</summary>
[TestFixture]
public sealed class EmulatorUniversalTests
{
    [Test]
    public async Task Authorize_PhpReadmeVectorAtFixedClock_RedirectsWithDuoCodeAndState()
    {
        var vector = TestData.Load("oidc-jwt-vectors.json")["authorize_request_jwts"]!.AsArray().Single(v => v!["id"]!.GetValue<string>() == "authz-php-readme")!;
        await using var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions
        {
            ClientId = vector["client_id"]!.GetValue<string>(),
            ClientSecret = vector["client_secret"]!.GetValue<string>(),
            ApiHost = vector["api_host"]!.GetValue<string>(),
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(vector["fixed_clock_for_exp_check"]!.GetValue<long>())),
        });
        emulator.AddUser("example");
        var query = new Uri(vector["authorize_url"]!.GetValue<string>()).Query;
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(new Uri(emulator.BaseAddress, "oauth/v1/authorize" + query));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.Multiple(() =>
        {
            Assert.That(location, Does.StartWith("https://example.com?duo_code="));
            Assert.That(location, Does.EndWith("&state=mb9VjQFx3s0K0EZbuPI2iBUa87ojmaLMIvVK"));
        });
    }

    [Test]
    public async Task Authorize_PhpReadmeVectorAfterExpiry_Refused()
    {
        var vector = TestData.Load("oidc-jwt-vectors.json")["authorize_request_jwts"]!.AsArray().Single(v => v!["id"]!.GetValue<string>() == "authz-php-readme")!;
        await using var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions
        {
            ClientId = vector["client_id"]!.GetValue<string>(),
            ClientSecret = vector["client_secret"]!.GetValue<string>(),
            ApiHost = vector["api_host"]!.GetValue<string>(),
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1612299077 + 61)),
        });
        emulator.AddUser("example");
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(new Uri(emulator.BaseAddress, "oauth/v1/authorize" + new Uri(vector["authorize_url"]!.GetValue<string>()).Query));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task HealthCheck_AssertionInQueryOrForm_Accepted(bool inQuery)
    {
        await using var emulator = await DuoEmulator.StartAsync();
        var assertion = Assertion(emulator, "https://" + emulator.ApiHost + "/oauth/v1/health_check", exp: emulator.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 300);
        var fields = $"client_id={emulator.Options.ClientId}&client_assertion={assertion}";
        using var client = new HttpClient();
        using var response = inQuery
            ? await client.PostAsync(new Uri(emulator.BaseAddress, "oauth/v1/health_check?" + fields), null)
            : await client.PostAsync(new Uri(emulator.BaseAddress, "oauth/v1/health_check"), new StringContent(fields, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["stat"]!.GetValue<string>(), Is.EqualTo("OK"));
    }

    [TestCase("\"1700000300\"", true, Description = "DuoUniversal C# sends NumericDates as strings")]
    [TestCase("1700000300.5", true, Description = "the Python SDK sends floats")]
    [TestCase("1699999000", false, Description = "expired beyond the leeway")]
    [TestCase("1700009999", false, Description = "more than an hour ahead")]
    public async Task HealthCheck_AssertionExpEncodings_AcceptedOrRefused(string exp, bool accepted)
    {
        await using var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000000)) });
        var aud = "https://" + emulator.ApiHost + "/oauth/v1/health_check";
        var id = emulator.Options.ClientId;
        var jwt = DuoJwt.Sign(Encoding.UTF8.GetBytes($$"""{"iss":"{{id}}","sub":"{{id}}","aud":"{{aud}}","exp":{{exp}},"jti":"x"}"""), emulator.Options.ClientSecret);
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(emulator.BaseAddress, $"oauth/v1/health_check?client_id={id}&client_assertion={jwt}"), null);
        Assert.That(response.StatusCode == HttpStatusCode.OK, Is.EqualTo(accepted));
    }

    [Test]
    public async Task HealthCheck_ReplayedJtiWhenSwitchedOn_SecondRefused()
    {
        await using var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions { RejectReplayedJti = true });
        var assertion = Assertion(emulator, "https://" + emulator.ApiHost + "/oauth/v1/health_check", emulator.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 300);
        var uri = new Uri(emulator.BaseAddress, $"oauth/v1/health_check?client_id={emulator.Options.ClientId}&client_assertion={assertion}");
        using var client = new HttpClient();
        using var first = await client.PostAsync(uri, null);
        using var second = await client.PostAsync(uri, null);
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task HealthCheck_AssertionForTheTokenEndpoint_Refused()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        var assertion = Assertion(emulator, "https://" + emulator.ApiHost + "/oauth/v1/token", emulator.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 300);
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(emulator.BaseAddress, $"oauth/v1/health_check?client_id={emulator.Options.ClientId}&client_assertion={assertion}"), null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Token_IssMismatchingClientId_InvalidClientWithDuosText()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        var assertion = Assertion(emulator, "https://" + emulator.ApiHost + "/oauth/v1/token", emulator.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 300);
        using var client = new HttpClient();
        using var form = new FormUrlEncodedContent([
            new("grant_type", "authorization_code"), new("code", "x"), new("redirect_uri", "https://a.example/"),
            new("client_id", "DIOTHERCLIENT0000000"), new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), new("client_assertion", assertion),
        ]);
        using var response = await client.PostAsync(new Uri(emulator.BaseAddress, "oauth/v1/token"), form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(body["error"]!.GetValue<string>(), Is.EqualTo("invalid_client"));
            Assert.That(body["error_description"]!.GetValue<string>(), Does.Contain("`iss` claim must match"));
        });
    }

    [Test]
    public void StateGenerator_Default_Is36Alphanumerics() =>
        Assert.That(DuoStateGenerator.Generate(), Does.Match("^[A-Za-z0-9]{36}$"));

    private static string Assertion(DuoEmulator emulator, string audience, long exp)
    {
        var id = emulator.Options.ClientId;
        return DuoJwt.Sign(Encoding.UTF8.GetBytes($$"""{"iss":"{{id}}","sub":"{{id}}","aud":"{{audience}}","exp":{{exp}},"jti":"{{DuoStateGenerator.Generate()}}"}"""), emulator.Options.ClientSecret);
    }
}
