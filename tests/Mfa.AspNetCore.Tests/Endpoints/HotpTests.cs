using System.Net;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.AspNetCore.Tests.Endpoints;

/// <summary>HOTP through the generic factor routes: enrollment, sign-in, resynchronisation and the import of a vendor token.</summary>
[TestFixture]
public sealed class HotpTests
{
    /// <summary>A 20-byte vendor secret (RFC 4226 Appendix D's "12345678901234567890").</summary>
    private static readonly byte[] s_vendorKey = "12345678901234567890"u8.ToArray();

    private WebTestHost _host = null!;

    [SetUp]
    public async Task StartAsync() => _host = await WebTestHost.StartAsync(addFactors: mfa => mfa.AddHotp(o => o.Issuer = "Contoso"));

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static string Code(byte[] key, long counter) => Hotp.Format(Hotp.ComputeCode(key, counter, TotpAlgorithm.Sha1, 6), 6);

    private static byte[] Key(string secret)
    {
        Assert.That(Base32.TryDecode(secret, out var key, out _), Is.True);
        return key!;
    }

    /// <summary>Password, then HOTP enrollment from the pending session, confirmed by the code at counter 0.</summary>
    private async Task<(Browser Browser, byte[] Key)> EnrolledAsync(string user = "carol")
    {
        var browser = _host.NewBrowser();
        await browser.LoginAsync(user);
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/enrollments/hotp/begin", new { name = "Token" }));
        Assert.That(begun["prompt"]!["uri"]!.GetValue<string>(), Does.StartWith("otpauth://hotp/"));
        Assert.That(begun["prompt"]!["counter"]!.GetValue<long>(), Is.Zero);
        var key = Key(begun["prompt"]!["secret"]!.GetValue<string>());
        var done = await browser.PostAsync("/mfa/enrollments/hotp/complete", new { enrollmentId = begun["enrollmentId"]!.GetValue<string>(), code = Code(key, 0) });
        var json = await Browser.JsonAsync(done);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["authenticator"]!["kind"]!.GetValue<string>(), Is.EqualTo("hotp"));
        return (browser, key);
    }

    [Test]
    public async Task Status_HotpRegistered_OffersHotp()
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");

        var status = await Browser.JsonAsync(await browser.Client.GetAsync("/mfa/status"));

        Assert.That(status["factors"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("hotp"));
    }

    [Test]
    public async Task Challenge_NextCode_SignsInWithOtpAndMfa()
    {
        var (enrolling, key) = await EnrolledAsync();
        enrolling.Dispose();
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/hotp/begin"));

        var done = await browser.PostAsync("/mfa/challenges/hotp/complete", new { challengeId = begun["challengeId"]!.GetValue<string>(), code = Code(key, 1) });

        var json = await Browser.JsonAsync(done);
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That(json["amr"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EquivalentTo(new[] { "otp", "mfa" }));
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Challenge_UsedCode_ProblemAndNoSession()
    {
        var (enrolling, key) = await EnrolledAsync();
        enrolling.Dispose();
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/hotp/begin"));

        var done = await browser.PostAsync("/mfa/challenges/hotp/complete", new { challengeId = begun["challengeId"]!.GetValue<string>(), code = Code(key, 0) });

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await done.Content.ReadAsStringAsync());
        Assert.That((await browser.Client.GetAsync("/secret")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Resynchronize_TwoConsecutiveCodesBeyondLookAhead_SignsIn()
    {
        var (enrolling, key) = await EnrolledAsync();
        enrolling.Dispose();
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("carol");
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/hotp/begin", new { resynchronize = true }));
        Assert.That(begun["prompt"]!["resynchronize"]!.GetValue<bool>(), Is.True);

        var done = await browser.PostAsync("/mfa/challenges/hotp/complete", new { challengeId = begun["challengeId"]!.GetValue<string>(), firstCode = Code(key, 40), secondCode = Code(key, 41) });

        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Import_VendorSecretAndCounter_StoredAndSignsIn()
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("dora");

        var imported = await browser.PostAsync("/mfa/enrollments/hotp/import", new { name = "Bank token", secret = Base32.Encode(s_vendorKey), counter = 5 });

        var json = await Browser.JsonAsync(imported);
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToJsonString());
        Assert.That((json["authenticator"]!["kind"]!.GetValue<string>(), json["authenticator"]!["name"]!.GetValue<string>()), Is.EqualTo(("hotp", "Bank token")));
        var begun = await Browser.JsonAsync(await browser.PostAsync("/mfa/challenges/hotp/begin"));
        var done = await browser.PostAsync("/mfa/challenges/hotp/complete", new { challengeId = begun["challengeId"]!.GetValue<string>(), code = Code(s_vendorKey, 5) });
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
    }

    [TestCase("{\"secret\":\"not base32!\",\"counter\":0}")]
    [TestCase("{\"secret\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\",\"counter\":-1}")]
    [TestCase("{\"secret\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\"}")]
    [TestCase("{\"secret\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\",\"counter\":0,\"digits\":99999999999}")]
    [TestCase("{\"secret\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\",\"counter\":0,\"algorithm\":\"MD5\"}")]
    public async Task Import_Malformed_400MalformedInput(string body)
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("dora");

        var response = await browser.PostAsync("/mfa/enrollments/hotp/import", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That((await Browser.JsonAsync(response))["failureReason"]!.GetValue<string>(), Is.EqualTo("MalformedInput"));
    }

    [Test]
    public async Task Import_ShortSecret_RefusedByPolicy()
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("dora");

        var response = await browser.PostAsync("/mfa/enrollments/hotp/import", new { secret = Base32.Encode(new byte[8]), counter = 0 });

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Import_FactorWithoutImport_NotSupported()
    {
        using var browser = _host.NewBrowser();
        await browser.LoginAsync("dora");

        var response = await browser.PostAsync("/mfa/enrollments/totp/import", new { secret = "GEZDGNBV", counter = 0 });

        Assert.That((await Browser.JsonAsync(response))["failureReason"]!.GetValue<string>(), Is.EqualTo("NotSupported"));
    }
}
