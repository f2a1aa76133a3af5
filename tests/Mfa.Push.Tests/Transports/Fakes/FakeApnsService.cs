using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>
/// APNs on loopback, HTTP/2 over TLS only. It checks what Apple checks: the protocol, the provider token (ES256 under
/// the team's key, kid, iss, iat not older than an hour, not replaced sooner than 20 minutes after the previous one),
/// the apns-* headers and topic, and the device token; then answers as APNs does, or with the next scripted answer.
/// </summary>
internal sealed class FakeApnsService : IAsyncDisposable
{
    public const string KeyId = "ABC123DEFG";
    public const string TeamId = "DEF123GHIJ";
    public const string Topic = "com.example.authenticator";
    public const string Device = "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad";
    public const string GoneDevice = "aaaa4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad";

    private readonly LoopbackHttpsServer _server;
    private readonly TimeProvider _time;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Lock _gate = new();
    private (string Token, DateTimeOffset FirstSeen)? _lastToken;

    private FakeApnsService(LoopbackHttpsServer server, TimeProvider time)
    {
        _server = server;
        _time = time;
    }

    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Answers in order (status, reason); the normal answer when empty.</summary>
    public ConcurrentQueue<(int Status, string Reason)> Script { get; } = new();

    public ConcurrentQueue<ApnsDelivery> Deliveries { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    public static async Task<FakeApnsService> StartAsync(TimeProvider time, HttpProtocols protocols = HttpProtocols.Http2)
    {
        FakeApnsService? service = null;
        var server = await LoopbackHttpsServer.StartAsync(context => service!.HandleAsync(context), protocols);
        service = new FakeApnsService(server, time);
        return service;
    }

    public HttpMessageHandler CreateTrustingHandler() => _server.CreateTrustingHandler();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Protocol != "HTTP/2")
        {
            await Reject(context, 505, "NotHttp2");
            return;
        }

        if (request.Method != "POST")
        {
            await Reject(context, 405, "MethodNotAllowed");
            return;
        }

        var path = request.Path.Value ?? "";
        if (!path.StartsWith("/3/device/", StringComparison.Ordinal))
        {
            await Reject(context, 404, "BadPath");
            return;
        }

        var tokenCheck = CheckProviderToken(request.Headers.Authorization.ToString());
        if (tokenCheck is not null)
        {
            await Reject(context, tokenCheck.Value.Status, tokenCheck.Value.Reason);
            return;
        }

        var headers = request.Headers;
        var headerCheck =
            headers["apns-topic"] != Topic ? "BadTopic"
            : headers["apns-push-type"] != "alert" ? "InvalidPushType"
            : headers["apns-priority"] is var p && p != "10" && p != "5" && p != "1" ? "BadPriority"
            : !long.TryParse(headers["apns-expiration"], out _) ? "BadExpirationDate"
            : Encoding.UTF8.GetByteCount(headers["apns-collapse-id"].ToString()) > 64 ? "BadCollapseId"
            : null;
        if (headerCheck is not null)
        {
            await Reject(context, 400, headerCheck);
            return;
        }

        var payload = await JsonNode.ParseAsync(request.Body);
        if (payload?["aps"] is null)
        {
            await Reject(context, 400, "PayloadEmpty");
            return;
        }

        var device = path["/3/device/".Length..];
        Deliveries.Enqueue(new ApnsDelivery(device, headers.Authorization.ToString()["bearer ".Length..], headers["apns-expiration"].ToString(), headers["apns-collapse-id"].ToString(), payload));
        if (Script.TryDequeue(out var scripted))
        {
            await Answer(context, scripted.Status, scripted.Reason);
            return;
        }

        if (device == GoneDevice)
        {
            context.Response.StatusCode = 410;
            await context.Response.WriteAsync(new JsonObject { ["reason"] = "Unregistered", ["timestamp"] = _time.GetUtcNow().ToUnixTimeMilliseconds() }.ToJsonString());
            return;
        }

        if (device != Device)
        {
            await Answer(context, 400, "BadDeviceToken");
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.Headers["apns-id"] = headers["apns-id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString("D");
    }

    /// <summary>Apple's provider-token rules; null when the token is good.</summary>
    private (int Status, string Reason)? CheckProviderToken(string authorization)
    {
        if (!authorization.StartsWith("bearer ", StringComparison.Ordinal))
        {
            return (403, "MissingProviderToken");
        }

        var jwt = authorization["bearer ".Length..];
        var parts = jwt.Split('.');
        if (parts.Length != 3
            || !_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256))
        {
            return (403, "InvalidProviderToken");
        }

        using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256"
            || header.RootElement.GetProperty("kid").GetString() != KeyId
            || claims.RootElement.GetProperty("iss").GetString() != TeamId
            || claims.RootElement.EnumerateObject().Count() != 2)
        {
            return (403, "InvalidProviderToken");
        }

        var now = _time.GetUtcNow();
        var iat = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("iat").GetInt64());
        if (now - iat > TimeSpan.FromHours(1))
        {
            return (403, "ExpiredProviderToken");
        }

        lock (_gate)
        {
            if (_lastToken is { } last && last.Token != jwt)
            {
                if (now - last.FirstSeen < TimeSpan.FromMinutes(20))
                {
                    return (429, "TooManyProviderTokenUpdates");
                }
            }

            if (_lastToken?.Token != jwt)
            {
                _lastToken = (jwt, now);
            }
        }

        return null;
    }

    private Task Reject(HttpContext context, int status, string reason)
    {
        Rejections.Enqueue(reason);
        return Answer(context, status, reason);
    }

    private static Task Answer(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["reason"] = reason }.ToJsonString());
    }
}
