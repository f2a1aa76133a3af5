using System.Net;
using System.Text.Json.Nodes;
using Mfa.Duo.AuthApi;
using Mfa.Duo.Http;
using Mfa.Duo.UniversalPrompt;

namespace Mfa.Duo.Tests.Http;

/// <summary>Every body of response-examples.json through the client parser that reads that endpoint.</summary>
[TestFixture]
public sealed class ResponseExampleTests
{
    private static IEnumerable<TestCaseData> Examples() => TestData.Cases("response-examples.json", "examples");

    [TestCaseSource(nameof(Examples))]
    public async Task Client_ResponseExample_ParsedOrTypedFailure(string json)
    {
        var example = JsonNode.Parse(json)!;
        var endpoint = example["endpoint"]!.GetValue<string>();
        if (endpoint.StartsWith("GET {redirect_uri}", StringComparison.Ordinal))
        {
            var query = example["query"]!.AsObject().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value!.GetValue<string>()));
            Assert.That(DuoCallback.TryParse(query, out var callback), Is.True);
            Assert.That(callback!.HasCode, Is.EqualTo(callback.Error is null));
            return;
        }

        var status = (HttpStatusCode)example["http_status"]!.GetValue<int>();
        var body = example["body"] is { } b ? b.ToJsonString() : null;
        var stub = new StubHandler(_ => body is null ? new HttpResponseMessage(status) : StubHandler.Json(status, body));
        await using var host = DuoTestHost.WithStub(stub);
        var ok = status == HttpStatusCode.OK && example["body"]?["stat"]?.GetValue<string>() == "OK";
        var id = example["id"]!.GetValue<string>();
        switch (endpoint)
        {
            case "POST /oauth/v1/health_check":
                var health = await host.Universal.HealthCheckAsync();
                Assert.That(health.Status, Is.EqualTo(ok ? DuoHealthStatus.Healthy : DuoHealthStatus.Rejected));
                break;
            case "POST /oauth/v1/token":
                // The examples carry "<JWT>" placeholders: the token itself is refused, errors are OAuth rejections.
                var token = await host.Universal.ExchangeCodeAsync("code", null, "alice");
                Assert.That(token.Failure, Is.EqualTo(status == HttpStatusCode.OK ? DuoFailureKind.InvalidIdToken : DuoFailureKind.Rejected));
                Assert.That(token.OAuthError, Is.EqualTo(example["body"]?["error"]?.GetValue<string>()));
                break;
            case "GET /auth/v2/ping":
                AssertOutcome(await host.AuthApi.PingAsync(), ok);
                break;
            case "GET /auth/v2/check":
                AssertOutcome(await host.AuthApi.CheckAsync(), ok);
                break;
            case "POST /auth/v2/preauth":
                var preauth = await host.AuthApi.PreauthAsync("alice");
                AssertOutcome(preauth, ok);
                if (id == "preauth-auth-go")
                {
                    Assert.That(preauth.Value!.Devices[1].Capabilities, Is.EqualTo(DuoDeviceCapabilities.None), "hardware tokens list no capabilities");
                }

                break;
            case "POST /auth/v2/auth":
                AssertOutcome(await host.AuthApi.AuthAsync(new DuoAuthRequest { Username = "alice", Factor = DuoAuthFactor.Push, Async = id == "auth-async-txid" }), ok);
                break;
            case "GET /auth/v2/auth_status":
                AssertOutcome(await host.AuthApi.AuthStatusAsync("13eb97f2-9008-42f4-b59b-afc7a5edf6a6"), ok);
                break;
            case "POST /auth/v2/enroll" or "POST /auth/v2/enroll_status":
                // Mfa.Duo has no enroll client (the factor never enrolls through the Auth API): the envelope still parses.
                var envelope = DuoEnvelope.From(DuoHttpResponse.Json(status, System.Text.Encoding.UTF8.GetBytes(body!)));
                Assert.That(envelope.Failure, Is.EqualTo(DuoFailureKind.None));
                break;
            default:
                // "any" / "any signed": a failure body on any call.
                var check = await host.AuthApi.CheckAsync();
                Assert.That(check.Failure, Is.EqualTo(status == HttpStatusCode.TooManyRequests ? DuoFailureKind.RateLimited : DuoFailureKind.Rejected));
                break;
        }
    }

    private static void AssertOutcome<T>(DuoApiResult<T> result, bool ok)
        where T : class
    {
        Assert.That(result.Succeeded, Is.EqualTo(ok), $"{result.Failure} {result.ErrorMessage}");
        if (!ok)
        {
            Assert.That(result.Failure, Is.Not.EqualTo(DuoFailureKind.None));
        }
    }
}
