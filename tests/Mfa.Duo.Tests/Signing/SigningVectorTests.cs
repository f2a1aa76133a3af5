using System.Text.Json.Nodes;
using Mfa.Duo.Signing;

namespace Mfa.Duo.Tests.Signing;

/// <summary>Every vector of signing-vectors.json, canonical-params-vectors.json and v5-component-vectors.json.</summary>
[TestFixture]
public sealed class SigningVectorTests
{
    private static IEnumerable<TestCaseData> SigningVectors() => TestData.Cases("signing-vectors.json", "vectors");

    private static IEnumerable<TestCaseData> SignedVectors() =>
        TestData.Cases("signing-vectors.json", "vectors", v => v["hmac"] is not null && v["sig_version"]!.GetValue<int>() != 1);

    private static IEnumerable<TestCaseData> ParamVectors() => TestData.Cases("canonical-params-vectors.json", "vectors");

    private static IEnumerable<TestCaseData> BodyVectors() => TestData.Cases("v5-component-vectors.json", "body_hash");

    private static IEnumerable<TestCaseData> HeaderVectors() => TestData.Cases("v5-component-vectors.json", "x_duo_header_hash");

    [TestCaseSource(nameof(SigningVectors))]
    public void Canonicalize_Vector_MatchesExpectedCanonicalAndSignature(string json)
    {
        var v = JsonNode.Parse(json)!;
        var version = v["sig_version"]!.GetValue<int>();
        var method = v["method"]!.GetValue<string>();
        var host = v["host"]!.GetValue<string>();
        var path = v["path"]!.GetValue<string>();
        var parameters = TestData.Pairs(v["params"]);
        string canonical;
        if (version == 1)
        {
            // v1 is v2 without the date line.
            var v2 = DuoRequestSigner.CanonicalizeV2("DATE", method, host, path, parameters);
            canonical = v2["DATE\n".Length..];
        }
        else if (version == 2)
        {
            canonical = DuoRequestSigner.CanonicalizeV2(v["date"]!.GetValue<string>(), method, host, path, parameters);
        }
        else
        {
            canonical = DuoRequestSigner.CanonicalizeV5(
                v["date"]!.GetValue<string>(), method, host, path, parameters, v["body"]?.GetValue<string>() ?? string.Empty, TestData.Pairs(v["x_duo_headers_signed"]));
        }

        Assert.That(canonical, Is.EqualTo(v["expected_canonical"]!.GetValue<string>()));
        if (v["hmac"] is { } hmac)
        {
            var hash = hmac.GetValue<string>() == "SHA1" ? DuoSignatureHash.Sha1 : DuoSignatureHash.Sha512;
            var signature = DuoRequestSigner.ComputeSignature(hash, v["skey"]!.GetValue<string>(), canonical);
            Assert.Multiple(() =>
            {
                Assert.That(signature, Is.EqualTo(v["expected_signature_hex"]!.GetValue<string>()));
                Assert.That(DuoRequestSigner.BasicAuthorization(v["ikey"]!.GetValue<string>(), signature), Is.EqualTo(v["expected_authorization"]!.GetValue<string>()));
            });
        }
    }

    [TestCaseSource(nameof(SignedVectors))]
    public void Sign_Vector_ProducesExpectedAuthorizationAndHeaders(string json)
    {
        var v = JsonNode.Parse(json)!;
        var version = v["sig_version"]!.GetValue<int>() == 5 ? DuoSignatureVersion.V5 : DuoSignatureVersion.V2;
        var xDuoDate = v["date_header"]?.GetValue<string>() == "X-Duo-Date";
        var extra = TestData.Pairs(v["x_duo_headers_signed"]).Where(h => !h.Key.Equals("x-duo-date", StringComparison.OrdinalIgnoreCase)).ToList();
        var signed = DuoRequestSigner.Sign(new DuoSigningRequest
        {
            IntegrationKey = v["ikey"]!.GetValue<string>(),
            SecretKey = v["skey"]!.GetValue<string>(),
            Host = v["host"]!.GetValue<string>(),
            Method = v["method"]!.GetValue<string>(),
            Path = v["path"]!.GetValue<string>(),
            Date = v["date"]!.GetValue<string>(),
            Parameters = TestData.Pairs(v["params"]),
            Body = v["body"]?.GetValue<string>(),
            XDuoHeaders = extra,
            Version = version,
            Hash = v["hmac"]!.GetValue<string>() == "SHA1" ? DuoSignatureHash.Sha1 : DuoSignatureHash.Sha512,
            DateHeader = xDuoDate ? DuoDateHeader.XDuoDate : DuoDateHeader.Date,
        });
        Assert.Multiple(() =>
        {
            Assert.That(signed.Canonical, Is.EqualTo(v["expected_canonical"]!.GetValue<string>()));
            Assert.That(signed.Authorization, Is.EqualTo(v["expected_authorization"]!.GetValue<string>()));
            Assert.That(signed.Headers, Does.Contain(new KeyValuePair<string, string>("Authorization", signed.Authorization)));
            Assert.That(signed.Headers, Does.Contain(new KeyValuePair<string, string>(xDuoDate ? "X-Duo-Date" : "Date", v["date"]!.GetValue<string>())));
        });
    }

    [TestCaseSource(nameof(ParamVectors))]
    public void CanonicalizeParameters_Vector_MatchesExpected(string json)
    {
        var v = JsonNode.Parse(json)!;
        Assert.That(DuoRequestSigner.CanonicalizeParameters(TestData.Pairs(v["params"])), Is.EqualTo(v["expected"]!.GetValue<string>()));
    }

    [Test]
    public void CanonicalizeParameters_CSharpMultiValueDivergence_FollowsTheReferenceRule()
    {
        foreach (var v in TestData.Load("canonical-params-vectors.json")["informational_divergences"]!.AsArray())
        {
            var actual = DuoRequestSigner.CanonicalizeParameters(TestData.Pairs(v!["params"]));
            Assert.That(actual, Is.EqualTo(v["reference_expected"]!.GetValue<string>()).And.Not.EqualTo(v["upstream_expected"]!.GetValue<string>()));
        }
    }

    [TestCaseSource(nameof(BodyVectors))]
    public void Sha512Hex_BodyVector_MatchesExpected(string json)
    {
        var v = JsonNode.Parse(json)!;
        Assert.That(DuoRequestSigner.Sha512Hex(v["body"]!.GetValue<string>()), Is.EqualTo(v["expected_sha512_hex"]!.GetValue<string>()));
    }

    [TestCaseSource(nameof(HeaderVectors))]
    public void XDuoHeaderBlock_HeaderVector_MatchesExpectedStringAndHash(string json)
    {
        var v = JsonNode.Parse(json)!;
        var block = DuoRequestSigner.XDuoHeaderBlock(TestData.Pairs(v["headers"]));
        Assert.Multiple(() =>
        {
            if (v["hashed_string"] is { } hashed)
            {
                Assert.That(block, Is.EqualTo(hashed.GetValue<string>()));
            }

            Assert.That(DuoRequestSigner.Sha512Hex(block), Is.EqualTo(v["expected_sha512_hex"]!.GetValue<string>()));
        });
    }

    [Test]
    public void XDuoHeaderBlock_DuplicateNameIgnoringCase_Throws() =>
        Assert.That(() => DuoRequestSigner.XDuoHeaderBlock([new("X-Duo-A", "1"), new("x-duo-a", "2")]), Throws.ArgumentException);

    [Test]
    public void Sign_V5WithSha1_Throws() =>
        Assert.That(
            () => DuoRequestSigner.Sign(new DuoSigningRequest
            {
                IntegrationKey = "i", SecretKey = "s", Host = "h", Method = "GET", Path = "/", Date = "d", Hash = DuoSignatureHash.Sha1,
            }),
            Throws.ArgumentException);

    [Test]
    public void Sign_V5PostWithoutBody_SendsAndHashesEmptyObject()
    {
        var signed = DuoRequestSigner.Sign(new DuoSigningRequest { IntegrationKey = "i", SecretKey = "s", Host = "h", Method = "post", Path = "/p", Date = "d" });
        Assert.Multiple(() =>
        {
            Assert.That(signed.Body, Is.EqualTo("{}"));
            Assert.That(signed.Canonical, Does.Contain(DuoRequestSigner.Sha512Hex("{}")));
            Assert.That(signed.Headers, Does.Contain(new KeyValuePair<string, string>("Content-Type", "application/json")));
        });
    }

    [TestCase("api-x.duosecurity.com", "api-x.duosecurity.com")]
    [TestCase("127.0.0.1:5000", "127.0.0.1")]
    [TestCase("API-X.DuoSecurity.com:443", "api-x.duosecurity.com")]
    [TestCase("[::1]:8080", "[::1]")]
    public void CanonicalHost_HostWithOrWithoutPort_LowerCasedWithoutPort(string host, string expected) =>
        Assert.That(DuoRequestSigner.CanonicalHost(host), Is.EqualTo(expected));
}
