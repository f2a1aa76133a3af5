using Mfa.Push.Tests.Transports.Fakes;
using Mfa.Push.Transports.WebPush;
using Microsoft.Extensions.Time.Testing;
using static Mfa.Push.Tests.Transports.TransportTestData;

namespace Mfa.Push.Tests.Transports.WebPush;

[TestFixture]
public sealed class VapidTests
{
    private static readonly System.Text.Json.Nodes.JsonNode s_vector = Load("rfc8292-section-2.4-vapid.json");
    private static readonly Uri s_resource = new("https://push.example.net/p/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV");

    private static string Token => Text(s_vector["token"]);
    private static byte[] Key => B64(s_vector["k"]);

    private static long CaseNow(string name) =>
        (long)s_vector["expectations"]!.AsArray().Single(c => Text(c!["case"]) == name)!["now_unix"]!;

    [Test]
    public void Verify_Rfc8292Example_AcceptsAtTheExampleTime()
    {
        var check = VapidVerifier.Verify(Token, Key, s_resource, DateTimeOffset.FromUnixTimeSeconds(CaseNow("claims check at a fixed time")));
        Assert.That(check, Is.EqualTo(VapidCheck.Valid));
    }

    [Test]
    public void VerifyHeader_Rfc8292ExampleAuthorizationHeader_Accepts()
    {
        var header = Text(s_vector["request_example"]!["headers"]!["Authorization"]);
        var check = VapidVerifier.VerifyHeader(header, s_resource, DateTimeOffset.FromUnixTimeSeconds(CaseNow("claims check at a fixed time")), Key);
        Assert.That(check, Is.EqualTo(VapidCheck.Valid));
    }

    [Test]
    public void Verify_Rfc8292ExampleAfterExp_IsExpired()
    {
        var check = VapidVerifier.Verify(Token, Key, s_resource, DateTimeOffset.FromUnixTimeSeconds(CaseNow("expired")));
        Assert.That(check, Is.EqualTo(VapidCheck.Expired));
    }

    [Test]
    public void Verify_Rfc8292ExampleMoreThan24HoursBeforeExp_IsTooFarAhead()
    {
        var check = VapidVerifier.Verify(Token, Key, s_resource, DateTimeOffset.FromUnixTimeSeconds(CaseNow("exp too far ahead")));
        Assert.That(check, Is.EqualTo(VapidCheck.TooFarAhead));
    }

    [Test]
    public void Verify_Rfc8292ExampleForAnotherOrigin_IsWrongAudience()
    {
        var other = new Uri(Text(s_vector["expectations"]!.AsArray().Single(c => Text(c!["case"]) == "audience mismatch")!["push_resource"]));
        var check = VapidVerifier.Verify(Token, Key, other, DateTimeOffset.FromUnixTimeSeconds(CaseNow("claims check at a fixed time")));
        Assert.That(check, Is.EqualTo(VapidCheck.WrongAudience));
    }

    [Test]
    public void Verify_Rfc8292TamperedClaims_IsBadSignature()
    {
        var tampered = s_vector["expectations"]!.AsArray().Single(c => Text(c!["case"]) == "tampered claims (derived)")!;
        var jwt = Text(tampered["signing_input"]) + "." + Text(tampered["signature"]);
        var check = VapidVerifier.Verify(jwt, Key, s_resource, DateTimeOffset.FromUnixTimeSeconds(CaseNow("claims check at a fixed time")));
        Assert.That(check, Is.EqualTo(VapidCheck.BadSignature));
    }

    [Test]
    public void Rfc8292Example_DecodedClaims_MatchTheToken()
    {
        var claims = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(Token.Split('.')[1]));
        Assert.That(claims, Is.EqualTo(Text(s_vector["decoded"]!["claims_json"])));
    }

    [Test]
    public void AuthorizationFor_NewToken_PassesThePushServiceChecks()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = NewCache(time, out var publicKey);
        var endpoint = new Uri("https://push.example.net:8443/p/abc?x=1");
        var check = VapidVerifier.VerifyHeader(cache.AuthorizationFor(endpoint), endpoint, time.GetUtcNow(), publicKey);
        Assert.That(check, Is.EqualTo(VapidCheck.Valid));
    }

    [Test]
    public void TokenFor_EndpointWithPathAndPort_AudienceIsTheOrigin()
    {
        var cache = NewCache(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), out _);
        var claims = Claims(cache.TokenFor(new Uri("https://Push.Example.net:8443/p/abc")));
        Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo("https://push.example.net:8443"));
    }

    [Test]
    public void TokenFor_NewToken_ExpiresAfterTheLifetimeAndNamesTheSubject()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var claims = Claims(NewCache(time, out _).TokenFor(new Uri("https://push.example.net/p/1")));
        Assert.Multiple(() =>
        {
            Assert.That(claims.GetProperty("exp").GetInt64(), Is.EqualTo(time.GetUtcNow().AddHours(12).ToUnixTimeSeconds()));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo("mailto:ops@example.com"));
        });
    }

    [Test]
    public void TokenFor_SameOriginBeforeHalfLife_ReusesTheToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = NewCache(time, out _);
        var first = cache.TokenFor(new Uri("https://push.example.net/p/1"));
        time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.That(cache.TokenFor(new Uri("https://push.example.net/p/2")), Is.EqualTo(first));
    }

    [Test]
    public void TokenFor_AtHalfLife_RenewsTheToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = NewCache(time, out var publicKey);
        var endpoint = new Uri("https://push.example.net/p/1");
        var first = cache.TokenFor(endpoint);
        time.Advance(TimeSpan.FromHours(6));
        var second = cache.TokenFor(endpoint);
        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(VapidVerifier.Verify(second, publicKey, endpoint, time.GetUtcNow().AddHours(11)), Is.EqualTo(VapidCheck.Valid));
    }

    [Test]
    public void TokenFor_AnotherOrigin_GetsItsOwnToken()
    {
        var cache = NewCache(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), out _);
        var first = cache.TokenFor(new Uri("https://push.example.net/p/1"));
        var second = cache.TokenFor(new Uri("https://updates.push.services.mozilla.com/wpush/v2/x"));
        Assert.That(Claims(second).GetProperty("aud").GetString(), Is.EqualTo("https://updates.push.services.mozilla.com"));
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Generate_NewPair_IsAcceptedAsAVapidKey()
    {
        var pair = VapidKeyPair.Generate();
        using var key = VapidKey.TryCreate(pair.PublicKey, pair.PrivateKey);
        Assert.That(key, Is.Not.Null);
        Assert.That(pair.ToString(), Does.Not.Contain(pair.PrivateKey));
    }

    [Test]
    public void TryCreate_PublicKeyOfAnotherPair_IsRefused()
    {
        var pair = VapidKeyPair.Generate();
        using var key = VapidKey.TryCreate(VapidKeyPair.Generate().PublicKey, pair.PrivateKey);
        Assert.That(key, Is.Null);
    }

    private static VapidTokenCache NewCache(TimeProvider time, out byte[] publicKey)
    {
        var pair = VapidKeyPair.Generate();
        publicKey = System.Buffers.Text.Base64Url.DecodeFromChars(pair.PublicKey);
        return new VapidTokenCache(VapidKey.TryCreate(pair.PublicKey, pair.PrivateKey)!, "mailto:ops@example.com", TimeSpan.FromHours(12), time);
    }

    private static System.Text.Json.JsonElement Claims(string jwt) =>
        System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;
}
