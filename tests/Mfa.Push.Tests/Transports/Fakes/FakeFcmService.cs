using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>
/// Google's OAuth 2.0 token endpoint and the FCM HTTP v1 send method on loopback. The token endpoint checks the JWT
/// bearer grant as Google does (RS256 signature under the service account's key, kid, iss, scope, aud, iat/exp); the
/// send method checks the bearer token it issued (known, not revoked, not expired) and the message's shape.
/// </summary>
internal sealed class FakeFcmService : IAsyncDisposable
{
    public const string ProjectId = "mfa-test-project";
    public const string ClientEmail = "mfa-sender@mfa-test-project.iam.gserviceaccount.com";
    public const string KeyId = "0123456789abcdef0123456789abcdef01234567";

    private readonly LoopbackHttpsServer _server;
    private readonly TimeProvider _time;
    private static readonly Lazy<RSA> s_sharedKey = new(() => RSA.Create(2048));

    private readonly RSA _key;
    private readonly bool _ownsKey;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private int _tokenCount;

    private FakeFcmService(LoopbackHttpsServer server, TimeProvider time, bool ownKey)
    {
        _server = server;
        _time = time;
        _ownsKey = ownKey;
        _key = ownKey ? RSA.Create(1024) : s_sharedKey.Value; // another key only has to differ: 1024 bits keeps key generation short
    }

    public int TokenLifetimeSeconds { get; set; } = 3599;

    public int TokenRequests => Volatile.Read(ref _tokenCount);

    /// <summary>Answers for the token endpoint, in order; a grant when empty.</summary>
    public ConcurrentQueue<(int Status, string Body)> TokenScript { get; } = new();

    /// <summary>Answers for messages:send, in order (status, JSON body, Retry-After); 200 when empty.</summary>
    public ConcurrentQueue<(int Status, string Body, string? RetryAfter)> SendScript { get; } = new();

    public ConcurrentQueue<JsonNode> Messages { get; } = new();

    public ConcurrentQueue<string> BearerTokens { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    public Uri TokenUri => new(_server.BaseAddress, "token");

    public Uri BaseAddress => _server.BaseAddress;

    public string ServiceAccountJson => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = ProjectId,
        ["private_key_id"] = KeyId,
        ["private_key"] = _key.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["client_id"] = "1234567890",
        ["token_uri"] = TokenUri.AbsoluteUri,
    }.ToJsonString();

    /// <summary>Starts the service; <paramref name="ownKey"/> gives it a service-account key of its own instead of the shared one.</summary>
    public static async Task<FakeFcmService> StartAsync(TimeProvider time, bool ownKey = false)
    {
        FakeFcmService? service = null;
        var server = await LoopbackHttpsServer.StartAsync(context => service!.HandleAsync(context));
        service = new FakeFcmService(server, time, ownKey);
        return service;
    }

    public HttpMessageHandler CreateTrustingHandler() => _server.CreateTrustingHandler();

    /// <summary>Revokes every token issued so far: the next send with one gets 401 UNAUTHENTICATED.</summary>
    public void RevokeAll() => _issued.Clear();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (_ownsKey)
        {
            _key.Dispose();
        }
    }

    private Task HandleAsync(HttpContext context) => context.Request.Path.Value switch
    {
        "/token" => TokenAsync(context),
        "/v1/projects/" + ProjectId + "/messages:send" => SendAsync(context),
        _ => Status(context, 404, "{}"),
    };

    private async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenCount);
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            await Reject(context, 400, "grant_type", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }

        var check = CheckAssertion(form["assertion"].ToString());
        if (check is not null)
        {
            await Reject(context, 400, check, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
            return;
        }

        if (TokenScript.TryDequeue(out var scripted))
        {
            await Status(context, scripted.Status, scripted.Body);
            return;
        }

        var token = "ya29.fake-" + Guid.NewGuid().ToString("N");
        _issued[token] = _time.GetUtcNow().AddSeconds(TokenLifetimeSeconds);
        await Status(context, 200, new JsonObject { ["access_token"] = token, ["expires_in"] = TokenLifetimeSeconds, ["token_type"] = "Bearer" }.ToJsonString());
    }

    /// <summary>RFC 7523 §3 as Google applies it; null when the assertion is good.</summary>
    private string? CheckAssertion(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "assertion shape";
        }

        var signed = _key.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (!signed)
        {
            return "assertion signature";
        }

        using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var h = header.RootElement;
        var c = claims.RootElement;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var iat = c.GetProperty("iat").GetInt64();
        var exp = c.GetProperty("exp").GetInt64();
        return h.GetProperty("alg").GetString() != "RS256" ? "alg"
            : h.GetProperty("kid").GetString() != KeyId ? "kid"
            : c.GetProperty("iss").GetString() != ClientEmail ? "iss"
            : c.GetProperty("scope").GetString() != "https://www.googleapis.com/auth/firebase.messaging" ? "scope"
            : c.GetProperty("aud").GetString() != TokenUri.AbsoluteUri ? "aud"
            : iat > now + 60 || exp <= now || exp - iat > 3600 ? "iat/exp"
            : null;
    }

    private async Task SendAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
        BearerTokens.Enqueue(token);
        if (!_issued.TryGetValue(token, out var expires) || _time.GetUtcNow() >= expires)
        {
            await Reject(context, 401, "bearer", "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var message = body?["message"];
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
            || message?["token"] is null
            || message["data"]?.AsObject().Any(p => p.Value?.GetValueKind() != JsonValueKind.String) != false)
        {
            await Reject(context, 400, "message shape", "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\"}}");
            return;
        }

        Messages.Enqueue(body!);
        if (SendScript.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            await Status(context, scripted.Status, scripted.Body);
            return;
        }

        await Status(context, 200, new JsonObject { ["name"] = $"projects/{ProjectId}/messages/0:1500415314455276%31bd1c9631bd1c96" }.ToJsonString());
    }

    private Task Reject(HttpContext context, int status, string reason, string body)
    {
        Rejections.Enqueue(reason);
        return Status(context, status, body);
    }

    private static Task Status(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }
}
