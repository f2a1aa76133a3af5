using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mfa.Push.Transports.Http;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Apns;

/// <summary>
/// Sends an alert to an iOS device through APNs over HTTP/2 with a provider token (push spec §12.3): a generic alert and
/// the ids under <c>mfa</c>; renews the provider token once on <c>ExpiredProviderToken</c>.
/// </summary>
internal sealed class ApnsTransport : IPushTransport, IDisposable
{
    private readonly IHttpClientFactory _httpClients;
    private readonly ApnsOptions _options;
    private readonly TimeProvider _time;
    private readonly ApnsProviderTokenSource _tokens;

    public ApnsTransport(IHttpClientFactory httpClients, IOptions<ApnsOptions> options, TimeProvider time)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _time = time;

        // The options validator has imported the same key; a null here means validation was bypassed.
        var key = ApnsOptionsValidator.TryImportKey(_options.PrivateKey)
            ?? throw new OptionsValidationException(nameof(ApnsOptions), typeof(ApnsOptions), ["PrivateKey: not a P-256 PKCS#8 PEM."]);
        _tokens = new ApnsProviderTokenSource(key, _options.KeyId ?? "", _options.TeamId ?? "", _options.ProviderTokenRefreshInterval, time);
    }

    public PushAddressKind Kind => PushAddressKind.Apns;

    /// <summary>APNs speaks HTTP/2 only: every request asks for exactly 2.0.</summary>
    internal static void ConfigureClient(HttpClient client)
    {
        client.DefaultRequestVersion = HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
    }

    /// <summary>A handler that keeps its HTTP/2 connections open (Apple's guidance) and may open more when streams run out.</summary>
    internal static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        KeepAlivePingDelay = TimeSpan.FromMinutes(1),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
    };

    public async ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        if (address.Kind != PushAddressKind.Apns || !IsDeviceToken(address.Target))
        {
            return new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "malformed device token");
        }

        var payload = Payload(message);
        var uri = new Uri(_options.BaseAddress, "3/device/" + address.Target);
        for (var attempt = 0; ; attempt++)
        {
            var token = _tokens.Current();
            using var request = Request(uri, payload, token, message);
            var (response, fault) = await PushHttp.SendAsync(
                _httpClients.CreateClient(ApnsOptions.HttpClientName), request, _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return fault!;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return PushSendResult.Accepted;
                }

                var reason = PushHttp.SafeReason(await ReadReasonAsync(response, cancellationToken).ConfigureAwait(false));

                // Push spec §12.3: ExpiredProviderToken → a new token and one more try, within Apple's 20-minute rule.
                if (response.StatusCode == HttpStatusCode.Forbidden && reason == "ExpiredProviderToken" && attempt == 0 && _tokens.TryRenew(token))
                {
                    continue;
                }

                return Map(response, reason);
            }
        }
    }

    public void Dispose() => _tokens.Dispose();

    /// <summary>Push spec §4.6 / §12.3: a generic alert, and only the ids in the custom <c>mfa</c> key.</summary>
    internal byte[] Payload(PushMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("aps");
            writer.WriteStartObject("alert");
            writer.WriteString("title", _options.NotificationTitle);
            writer.WriteString("body", _options.NotificationBody);
            writer.WriteEndObject();
            writer.WriteString("sound", "default");
            writer.WriteString("category", _options.Category);
            writer.WriteNumber("mutable-content", 1);
            writer.WriteEndObject();
            writer.WriteStartObject("mfa");
            writer.WriteNumber("v", 1);
            writer.WriteString("cid", message.ChallengeId);
            writer.WriteString("cred", message.CredentialId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool IsDeviceToken(string token) => token.Length is >= 32 and <= 400 && token.Length % 2 == 0 && token.All(char.IsAsciiHexDigit);

    private static async Task<string?> ReadReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await PushHttp.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HttpRequestMessage Request(Uri uri, byte[] payload, ApnsProviderToken token, PushMessage message)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token.Jwt);
        request.Headers.TryAddWithoutValidation("apns-push-type", "alert");
        request.Headers.TryAddWithoutValidation("apns-topic", _options.Topic);
        request.Headers.TryAddWithoutValidation("apns-priority", "10");

        // 0 = deliver once, never store; otherwise the end of the answer window.
        var expiration = message.TimeToLive <= TimeSpan.Zero
            ? 0
            : _time.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Ceiling(message.TimeToLive.TotalSeconds);
        request.Headers.TryAddWithoutValidation("apns-expiration", expiration.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("apns-collapse-id", _options.CollapseId);
        request.Headers.TryAddWithoutValidation("apns-id", Guid.NewGuid().ToString("D"));
        return request;
    }

    /// <summary>Push spec §12.3 response table.</summary>
    private PushSendResult Map(HttpResponseMessage response, string? reason)
    {
        var detail = PushHttp.Status(response.StatusCode) + (reason is null ? "" : " " + reason);
        return ((int)response.StatusCode, reason) switch
        {
            (400, "BadDeviceToken" or "DeviceTokenNotForTopic") => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: detail),
            (410, _) => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: detail),
            (429, _) => new PushSendResult(PushSendOutcome.RateLimited, PushHttp.RetryAfter(response, _time), detail),
            (>= 500, _) => new PushSendResult(PushSendOutcome.TransientError, PushHttp.RetryAfter(response, _time), detail),

            // 400 other reasons, 403 (provider token), 404 BadPath, 405, 413: bugs or configuration — retrying will not help.
            _ => new PushSendResult(PushSendOutcome.ConfigError, Detail: detail),
        };
    }
}
