using System.Text.Json.Nodes;
using Mfa.Push.Tests.Transports.Fakes;
using Mfa.Push.Transports;
using Mfa.Push.Transports.Fcm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.Push.Tests.Transports.Fcm;

[TestFixture]
public sealed class FcmTransportTests
{
    private static readonly PushAddress s_device = new(PushAddressKind.Fcm, "fcm-token:APA91bH-example_token-1234567890");

    private FakeTimeProvider _time = null!;
    private FakeFcmService _service = null!;
    private ServiceProvider _provider = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _service = await FakeFcmService.StartAsync(_time);
        _provider = Host(_time, _service, retries: 0);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _provider.DisposeAsync();
        await _service.DisposeAsync();
    }

    private IPushTransport Transport => _provider.Transport(PushAddressKind.Fcm);

    [Test]
    public async Task SendAsync_ValidToken_IsAcceptedWithTheSpecMessage()
    {
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted), string.Join(", ", _service.Rejections));
        var message = _service.Messages.Single()["message"]!;
        var expiration = (_time.GetUtcNow().ToUnixTimeSeconds() + 120).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That((string?)message["token"], Is.EqualTo(s_device.Target));
            Assert.That(message["data"]!.ToJsonString(), Is.EqualTo("{\"v\":\"1\",\"t\":\"mfa-push\",\"cid\":\"cid-123\",\"cred\":\"cred-456\"}"));
            Assert.That(message["notification"]!.ToJsonString(), Is.EqualTo("{\"title\":\"Sign-in request\",\"body\":\"Open to review\"}"));
            Assert.That(message["android"]!.ToJsonString(), Is.EqualTo("{\"priority\":\"HIGH\",\"ttl\":\"120s\",\"collapse_key\":\"mfa\"}"));
            Assert.That(message["apns"]!["headers"]!.ToJsonString(), Is.EqualTo(
                "{\"apns-priority\":\"10\",\"apns-push-type\":\"alert\",\"apns-expiration\":\"" + expiration + "\",\"apns-collapse-id\":\"mfa\"}"));
            Assert.That(message["apns"]!["payload"]!.ToJsonString(), Is.EqualTo("{\"aps\":{\"category\":\"MFA_PUSH\",\"mutable-content\":1,\"sound\":\"default\"}}"));
        });
    }

    [Test]
    public async Task SendAsync_TwoMessages_UseOneAccessToken()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromMinutes(30));
        await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(_service.TokenRequests, Is.EqualTo(1));
        Assert.That(_service.BearerTokens.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_JustBeforeTheRefreshMargin_KeepsTheToken()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromSeconds(3599) - FcmAccessTokenSource.RefreshMargin - TimeSpan.FromSeconds(1));
        await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(_service.TokenRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_FiveMinutesBeforeExpiry_RefreshesTheToken()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _time.Advance(TimeSpan.FromSeconds(3599) - FcmAccessTokenSource.RefreshMargin);
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Succeeded, Is.True);
        Assert.That(_service.TokenRequests, Is.EqualTo(2));
        Assert.That(_service.BearerTokens.Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_TokenRevoked_RefreshesOnceAndSucceeds()
    {
        await Transport.SendAsync(s_device, TransportHost.Message());
        _service.RevokeAll();
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(_service.TokenRequests, Is.EqualTo(2));
        Assert.That(_service.Rejections, Is.EqualTo(new[] { "bearer" }));
    }

    [Test]
    public async Task SendAsync_UnauthenticatedTwice_IsConfigErrorAfterOneRefresh()
    {
        _service.SendScript.Enqueue((401, Error(401, "UNAUTHENTICATED", null), null));
        _service.SendScript.Enqueue((401, Error(401, "UNAUTHENTICATED", null), null));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(_service.TokenRequests, Is.EqualTo(2));
        Assert.That(_service.Messages, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SendAsync_ConcurrentColdStart_RequestsOneToken()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Transport.SendAsync(s_device, TransportHost.Message()).AsTask()));
        Assert.That(results.All(r => r.Succeeded), Is.True);
        Assert.That(_service.TokenRequests, Is.EqualTo(1));
    }

    [TestCase(404, "NOT_FOUND", "UNREGISTERED", PushSendOutcome.InvalidAddress)]
    [TestCase(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", PushSendOutcome.InvalidAddress)]
    [TestCase(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", PushSendOutcome.ConfigError)]
    [TestCase(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", PushSendOutcome.RateLimited)]
    [TestCase(503, "UNAVAILABLE", "UNAVAILABLE", PushSendOutcome.TransientError)]
    [TestCase(500, "INTERNAL", "INTERNAL", PushSendOutcome.TransientError)]
    [TestCase(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR", PushSendOutcome.ConfigError)]
    [TestCase(500, "UNKNOWN", "UNSPECIFIED_ERROR", PushSendOutcome.TransientError)]
    [TestCase(404, "NOT_FOUND", null, PushSendOutcome.ConfigError)]
    public async Task SendAsync_FcmError_MapsToOutcome(int status, string rpcStatus, string? errorCode, PushSendOutcome expected)
    {
        _service.SendScript.Enqueue((status, Error(status, rpcStatus, errorCode), null));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(_service.TokenRequests, Is.EqualTo(1), "THIRD_PARTY_AUTH_ERROR is not an access-token problem");
    }

    [Test]
    public async Task SendAsync_InvalidArgumentNamingTheToken_IsInvalidAddress()
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 400,
                ["status"] = "INVALID_ARGUMENT",
                ["message"] = "The registration token is not a valid FCM registration token",
                ["details"] = new JsonArray(
                    new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = "INVALID_ARGUMENT" },
                    new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                        ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = "message.token", ["description"] = "Invalid registration token" }),
                    }),
            },
        }.ToJsonString();
        _service.SendScript.Enqueue((400, body, null));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
    }

    [Test]
    public async Task SendAsync_QuotaExceededWithRetryAfter_CarriesTheDelay()
    {
        _service.SendScript.Enqueue((429, Error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"), "12"));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public async Task SendAsync_TokenEndpointRefusesTheGrant_IsConfigError()
    {
        _service.TokenScript.Enqueue((400, "{\"error\":\"invalid_grant\"}"));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(result.Detail, Does.Contain("invalid_grant"));
        Assert.That(_service.Messages, Is.Empty);
    }

    [Test]
    public async Task SendAsync_TokenEndpointUnavailable_IsTransientError()
    {
        _service.TokenScript.Enqueue((503, "{}"));
        var result = await Transport.SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.TransientError));
    }

    [Test]
    public async Task SendAsync_AssertionSignedWithAnotherKey_IsRefusedByTheTokenEndpoint()
    {
        await using var other = await FakeFcmService.StartAsync(_time, ownKey: true);
        var json = JsonNode.Parse(other.ServiceAccountJson)!;
        json["token_uri"] = _service.TokenUri.AbsoluteUri;
        await using var provider = TransportHost.Build(_time, services =>
        {
            services.AddFcmTransport(o => o.ServiceAccountJson = json.ToJsonString());
            services.AddHttpClient(FcmOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(_service.CreateTrustingHandler);
            services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = 0);
        });
        var result = await provider.Transport(PushAddressKind.Fcm).SendAsync(s_device, TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.ConfigError));
        Assert.That(_service.Rejections, Is.EqualTo(new[] { "assertion signature" }));
    }

    [TestCase("")]
    [TestCase("has space")]
    public async Task SendAsync_MalformedRegistrationToken_IsInvalidAddress(string token)
    {
        var result = await Transport.SendAsync(new PushAddress(PushAddressKind.Fcm, token), TransportHost.Message());
        Assert.That(result.Outcome, Is.EqualTo(PushSendOutcome.InvalidAddress));
        Assert.That(_service.TokenRequests, Is.Zero);
    }

    [Test]
    public async Task SendAsync_WithRetriesUnavailableThenOk_IsAccepted()
    {
        var time = new AutoAdvanceTimeProvider();
        await using var service = await FakeFcmService.StartAsync(time);
        await using var provider = Host(time, service, retries: 3);
        service.SendScript.Enqueue((503, Error(503, "UNAVAILABLE", "UNAVAILABLE"), "2"));
        var result = await provider.Transport(PushAddressKind.Fcm).SendAsync(s_device, TransportHost.Message());
        Assert.That(result, Is.EqualTo(PushSendResult.Accepted));
        Assert.That(service.Messages, Has.Count.EqualTo(2));
        Assert.That(time.Delays, Does.Contain(TimeSpan.FromSeconds(2)));
    }

    private static ServiceProvider Host(TimeProvider time, FakeFcmService service, int retries) => TransportHost.Build(time, services =>
    {
        services.AddFcmTransport(o =>
        {
            o.ServiceAccountJson = service.ServiceAccountJson;
            o.Endpoint = service.BaseAddress;
            o.RequestTimeout = TimeSpan.FromMinutes(2);
        });
        services.AddHttpClient(FcmOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(service.CreateTrustingHandler);
        services.ConfigurePushTransportRetry(o => o.MaxRetryAttempts = retries);
    });

    private static string Error(int status, string rpcStatus, string? errorCode)
    {
        var error = new JsonObject { ["code"] = status, ["message"] = "error", ["status"] = rpcStatus };
        if (errorCode is not null)
        {
            error["details"] = new JsonArray(new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = errorCode });
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }
}
