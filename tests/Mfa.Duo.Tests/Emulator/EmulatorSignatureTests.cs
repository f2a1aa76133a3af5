using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.Duo.Emulator;
using Mfa.Duo.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Duo.Tests.Emulator;

/// <summary>Spec §7: the emulator accepts every signing vector as a request and rejects one-byte mutations with 401/40103.</summary>
[TestFixture]
public sealed class EmulatorSignatureTests
{
    private static IEnumerable<TestCaseData> SignedVectors() =>
        TestData.Cases("signing-vectors.json", "vectors", v => v["hmac"] is not null && v["sig_version"]!.GetValue<int>() != 1);

    [TestCaseSource(nameof(SignedVectors))]
    public async Task Verify_SigningVectorAsRequest_Accepted(string json)
    {
        var (status, body) = await SendAsync(JsonNode.Parse(json)!, Mutation.None);
        Assert.That(status, Is.Not.EqualTo(HttpStatusCode.Unauthorized), body);
    }

    [TestCaseSource(nameof(SignedVectors))]
    public async Task Verify_SignatureFlipped_Rejected40103(string json) => await AssertRejectedAsync(json, Mutation.Signature);

    [TestCaseSource(nameof(SignedVectors))]
    public async Task Verify_PathChanged_Rejected40103(string json) => await AssertRejectedAsync(json, Mutation.Path);

    [TestCaseSource(nameof(SignedVectors))]
    public async Task Verify_DateChanged_Rejected40103(string json) => await AssertRejectedAsync(json, Mutation.Date);

    [Test]
    public async Task Verify_NoAuthorization_Rejected40101()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(emulator.BaseAddress, "auth/v2/check"));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("40101"));
        });
    }

    [Test]
    public async Task Ping_Unsigned_OkWithoutCodeMember()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        using var client = new HttpClient();
        var body = JsonNode.Parse(await client.GetStringAsync(new Uri(emulator.BaseAddress, "auth/v2/ping")))!;
        Assert.Multiple(() =>
        {
            Assert.That(body["stat"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(body["code"], Is.Null, "a code member on success hid a real bug once (authelia #11717)");
        });
    }

    private static async Task AssertRejectedAsync(string json, Mutation mutation)
    {
        var (status, body) = await SendAsync(JsonNode.Parse(json)!, mutation);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body, Does.Contain("40103"));
        });
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(JsonNode v, Mutation mutation)
    {
        var date = v["date"]!.GetValue<string>();
        Assert.That(DuoDate.TryParse(date, out var instant), Is.True);
        await using var emulator = await DuoEmulator.StartAsync(new DuoEmulatorOptions
        {
            TimeProvider = new FakeTimeProvider(instant),
            IntegrationKey = v["ikey"]!.GetValue<string>(),
            SecretKey = v["skey"]!.GetValue<string>(),
        });
        var version = v["sig_version"]!.GetValue<int>();
        var method = v["method"]!.GetValue<string>();
        var isGet = method.Equals("GET", StringComparison.OrdinalIgnoreCase);
        var parameters = DuoRequestSigner.CanonicalizeParameters(TestData.Pairs(v["params"]));
        var path = v["path"]!.GetValue<string>();
        if (mutation == Mutation.Path)
        {
            path += "x";
        }

        var inQuery = version == 5 || isGet;
        var uri = new Uri(emulator.BaseAddress, path.TrimStart('/') + (inQuery && parameters.Length > 0 ? "?" + parameters : string.Empty));
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        request.Headers.Host = v["host"]!.GetValue<string>();
        var signature = v["expected_signature_hex"]!.GetValue<string>();
        if (mutation == Mutation.Signature)
        {
            signature = signature[..^1] + (signature[^1] == '0' ? '1' : '0');
        }

        request.Headers.TryAddWithoutValidation("Authorization", DuoRequestSigner.BasicAuthorization(v["ikey"]!.GetValue<string>(), signature));
        var sentDate = mutation == Mutation.Date ? date.Replace(":00 ", ":01 ", StringComparison.Ordinal).Replace(":18 ", ":19 ", StringComparison.Ordinal) : date;
        var headersSent = TestData.Pairs(v["headers_sent"]);
        if (headersSent.Count > 0)
        {
            foreach (var header in headersSent)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Key == "x-duo-date" ? sentDate : header.Value);
            }
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Date", sentDate);
            foreach (var header in TestData.Pairs(v["x_duo_headers_signed"]))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (version == 5 && v["body"]?.GetValue<string>() is { Length: > 0 } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        else if (version == 2 && !isGet)
        {
            request.Content = new StringContent(parameters, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var client = new HttpClient();
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private enum Mutation
    {
        None,
        Signature,
        Path,
        Date,
    }
}
