using System.Text;
using System.Text.Json.Nodes;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;

namespace Mfa.Duo.Tests.Jwt;

/// <summary>Every vector of oidc-jwt-vectors.json: authorize request JWTs, client assertions and id_tokens.</summary>
[TestFixture]
public sealed class OidcVectorTests
{
    private static IEnumerable<TestCaseData> AuthorizeJwts() => TestData.Cases("oidc-jwt-vectors.json", "authorize_request_jwts");

    private static IEnumerable<TestCaseData> Assertions() => TestData.Cases("oidc-jwt-vectors.json", "client_assertions");

    private static IEnumerable<TestCaseData> IdTokens() => TestData.Cases("oidc-jwt-vectors.json", "id_tokens", v => v["validation_input"] is not null);

    private static IEnumerable<TestCaseData> KeyOnlyIdTokens() => TestData.Cases("oidc-jwt-vectors.json", "id_tokens", v => v["validation_input"] is null);

    [TestCaseSource(nameof(AuthorizeJwts))]
    public void TryRead_AuthorizeRequestJwt_VerifiesAndCarriesTheClaims(string json)
    {
        var v = JsonNode.Parse(json)!;
        var failure = DuoJwt.TryRead(v["request_jwt"]!.GetValue<string>(), v["client_secret"]!.GetValue<string>(), out var claims);
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.EqualTo(DuoIdTokenFailure.None));
            Assert.That(claims.String("client_id"), Is.EqualTo(v["client_id"]!.GetValue<string>()));
            Assert.That(claims.String("response_type"), Is.EqualTo("code"));
            Assert.That(claims.String("duo_uname"), Is.Not.Empty);

            // authz-php-readme escapes "/" as "\/": a real JSON parser gives the plain URL back.
            Assert.That(claims.String("redirect_uri"), Does.StartWith("https://"));
        });
    }

    [TestCaseSource(nameof(AuthorizeJwts))]
    public void TryRead_AuthorizeRequestJwtWithOtherSecret_SignatureFails(string json)
    {
        var v = JsonNode.Parse(json)!;
        Assert.That(DuoJwt.TryRead(v["request_jwt"]!.GetValue<string>(), new string('x', 40), out _), Is.EqualTo(DuoIdTokenFailure.Signature));
    }

    [TestCaseSource(nameof(Assertions))]
    public void TryRead_ClientAssertion_VerifiesWithIssSubAud(string json)
    {
        var v = JsonNode.Parse(json)!;
        var clientId = v["client_id"]!.GetValue<string>();
        var failure = DuoJwt.TryRead(v["jwt"]!.GetValue<string>(), v["client_secret"]!.GetValue<string>(), out var claims);
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.EqualTo(DuoIdTokenFailure.None));
            Assert.That(claims.String("iss"), Is.EqualTo(clientId));
            Assert.That(claims.String("sub"), Is.EqualTo(clientId));
            Assert.That(claims.String("aud"), Is.EqualTo(v["endpoint"]!.GetValue<string>()));
        });
    }

    [TestCaseSource(nameof(IdTokens))]
    public void Validate_IdTokenVector_GivesTheExpectedVerdict(string json)
    {
        var v = JsonNode.Parse(json)!;
        var input = v["validation_input"]!;
        var failure = DuoIdTokenValidator.Validate(
            v["jwt"]!.GetValue<string>(),
            input["client_id"]!.GetValue<string>(),
            input["client_secret"]!.GetValue<string>(),
            input["expected_issuer"]!.GetValue<string>(),
            input["expected_username"]!.GetValue<string>(),
            input["expected_nonce"]?.GetValue<string>(),
            DateTimeOffset.FromUnixTimeSeconds(input["now"]!.GetValue<long>()),
            TimeSpan.FromSeconds(input["leeway_seconds"]!.GetValue<int>()),
            out var token);

        // accept-per-policy: the spec's recommended policy accepts; reject-per-sdk-policy: our SDK refuses.
        var expected = v["expected"]!.GetValue<string>();
        if (expected.StartsWith("accept", StringComparison.Ordinal))
        {
            Assert.That(failure, Is.EqualTo(DuoIdTokenFailure.None), v["reason"]?.GetValue<string>());
            Assert.That(token, Is.Not.Null);
        }
        else
        {
            Assert.That(failure, Is.Not.EqualTo(DuoIdTokenFailure.None), v["reason"]?.GetValue<string>());
        }
    }

    [TestCaseSource(nameof(KeyOnlyIdTokens))]
    public void Validate_KeyOnlyIdTokenVector_SignatureAsExpectedAndFullValidationRejects(string json)
    {
        var v = JsonNode.Parse(json)!;
        var key = v["key"]!;
        var secret = key["client_secret"]!.GetValue<string>();
        var jwt = v["jwt"]!.GetValue<string>();
        var signatureValid = v["expected"]!["signature_valid"]!.GetValue<bool>();
        var read = DuoJwt.TryRead(jwt, secret, out _);
        var full = DuoIdTokenValidator.Validate(
            jwt,
            key["client_id"]!.GetValue<string>(),
            secret,
            "https://" + key["api_host"]!.GetValue<string>() + "/oauth/v1/token",
            "username",
            null,
            DateTimeOffset.FromUnixTimeSeconds(1516239022),
            TimeSpan.FromSeconds(60),
            out _);
        Assert.Multiple(() =>
        {
            Assert.That(read, signatureValid ? Is.EqualTo(DuoIdTokenFailure.None) : Is.EqualTo(DuoIdTokenFailure.Signature));
            Assert.That(full, Is.Not.EqualTo(DuoIdTokenFailure.None));
        });
    }

    [Test]
    public void Validate_ClaimExample_ExposesTheAuthContext()
    {
        var claims = TestData.Load("oidc-jwt-vectors.json")["id_token_claim_example"]!["claims"]!;
        var secret = new string('a', 40);
        var jwt = DuoJwt.Sign(Encoding.UTF8.GetBytes(claims.ToJsonString()), secret);
        var failure = DuoIdTokenValidator.Validate(
            jwt, "client id client id ", secret, "https://fake.api.host/oauth/v1/token", "USERNAME", null, DateTimeOffset.FromUnixTimeSeconds(1700000060), TimeSpan.FromSeconds(60), out var token);
        Assert.That(failure, Is.EqualTo(DuoIdTokenFailure.None));
        Assert.Multiple(() =>
        {
            Assert.That(token!.Username, Is.EqualTo("username"));
            Assert.That(token.AuthResult.Result, Is.EqualTo("allow"));
            Assert.That(token.AuthContext.Factor, Is.EqualTo("duo_push"));
            Assert.That(token.AuthContext.TransactionId, Is.EqualTo("123456"));
            Assert.That(token.AuthContext.AuthDevice?.Ip, Is.EqualTo("200.100.200.100"));
            Assert.That(token.AuthContext.AuthDevice?.Location?.City, Is.EqualTo("city"));
            Assert.That(token.AuthContext.AccessDevice?.Os, Is.EqualTo("Mac OS X"));
            Assert.That(token.AuthContext.ApplicationName, Is.EqualTo("Web SDK 4"));
            Assert.That(token.AuthTime, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1234)));
        });
    }

    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    [TestCase("..")]
    [TestCase("e30=.e30.c2ln")]
    [TestCase("W10.e30.c2ln")]
    public void TryRead_MalformedToken_Malformed(string token) =>
        Assert.That(DuoJwt.TryRead(token, new string('a', 40), out _), Is.EqualTo(DuoIdTokenFailure.Malformed));

    [Test]
    public void TryRead_DuplicateClaim_Malformed()
    {
        var jwt = DuoJwt.Sign("""{"iss":"a","iss":"b"}"""u8, new string('a', 40));
        Assert.That(DuoJwt.TryRead(jwt, new string('a', 40), out _), Is.EqualTo(DuoIdTokenFailure.Malformed));
    }
}
