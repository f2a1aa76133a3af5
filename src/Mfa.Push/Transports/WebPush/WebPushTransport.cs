using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mfa.Push.Transports.Http;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.WebPush;

/// <summary>
/// Sends a wake-up message to a Web Push subscription: the ids encrypted with RFC 8291 (<c>aes128gcm</c>), authorized
/// with a VAPID token (RFC 8292), posted with <c>TTL</c>, <c>Urgency</c> and <c>Topic</c> (RFC 8030 §5).
/// </summary>
internal sealed class WebPushTransport : IPushTransport, IDisposable
{
    private readonly IHttpClientFactory _httpClients;
    private readonly WebPushOptions _options;
    private readonly TimeProvider _time;
    private readonly VapidKey _key;
    private readonly VapidTokenCache _tokens;

    public WebPushTransport(IHttpClientFactory httpClients, IOptions<WebPushOptions> options, TimeProvider time)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _time = time;

        // The options validator has checked the key pair and subject; a null here means validation was bypassed.
        _key = VapidKey.TryCreate(_options.VapidPublicKey, _options.VapidPrivateKey)
            ?? throw new OptionsValidationException(nameof(WebPushOptions), typeof(WebPushOptions), ["VapidPublicKey/VapidPrivateKey: not a valid P-256 key pair."]);
        _tokens = new VapidTokenCache(_key, _options.VapidSubject ?? "", _options.VapidTokenLifetime, time);
    }

    public PushAddressKind Kind => PushAddressKind.WebPush;

    public async ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        if (address.Kind != PushAddressKind.WebPush
            || !Uri.TryCreate(address.Target, UriKind.Absolute, out var endpoint)
            || endpoint.Scheme != Uri.UriSchemeHttps
            || !TryDecode(address.WebPushP256dh, WebPushEncryption.PublicKeyLength, out var userAgentKey)
            || !TryDecode(address.WebPushAuth, WebPushEncryption.AuthSecretLength, out var authSecret))
        {
            return new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "malformed subscription");
        }

        if (!IsAllowedEndpoint(endpoint, _options.AllowedEndpointHosts))
        {
            return new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "endpoint host not an allowed push service");
        }

        var payload = Payload(message);
        var padding = Math.Max(0, _options.PaddedPayloadLength - payload.Length);
        var encrypted = WebPushEncryption.Encrypt(payload, userAgentKey, authSecret, padding);
        if (!encrypted.Succeeded)
        {
            return encrypted.Failure == WebPushCryptoFailure.InvalidPublicKey
                ? new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "subscription key not on P-256")
                : new PushSendResult(PushSendOutcome.ConfigError, Detail: "encryption: " + encrypted.Failure);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(encrypted.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.TryAddWithoutValidation("TTL", TtlSeconds(message.TimeToLive));
        request.Headers.TryAddWithoutValidation("Urgency", UrgencyValue(_options.Urgency));
        if (_options.Topic is not null)
        {
            request.Headers.TryAddWithoutValidation("Topic", _options.Topic);
        }

        request.Headers.TryAddWithoutValidation("Authorization", _tokens.AuthorizationFor(endpoint));

        var client = _httpClients.CreateClient(WebPushOptions.HttpClientName);
        var (response, fault) = await PushHttp.SendAsync(client, request, _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return fault!;
        }

        using (response)
        {
            return Map(response);
        }
    }

    public void Dispose() => _key.Dispose();

    /// <summary>Push spec §4.6: ids only — <c>{"v":1,"t":"mfa-push","cid":…,"cred":…}</c>; the device fetches the challenge itself.</summary>
    internal static byte[] Payload(PushMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("t", "mfa-push");
            writer.WriteString("cid", message.ChallengeId);
            writer.WriteString("cred", message.CredentialId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="endpoint"/> is an https URL on an allowed push service (see <see cref="WebPushOptions.AllowedEndpointHosts"/>).</summary>
    /// <remarks>Enrollment should apply the same check before it stores a subscription.</remarks>
    internal static bool IsAllowedEndpoint(Uri endpoint, ISet<string> allowedHosts)
    {
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return false;
        }

        if (allowedHosts.Count == 0)
        {
            return true;
        }

        var host = endpoint.IdnHost.TrimEnd('.');
        return allowedHosts.Any(allowed =>
            host.Equals(allowed, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>RFC 8030 §5.2: TTL in whole seconds, rounded up so the message lives at least as long as asked.</summary>
    internal static string TtlSeconds(TimeSpan ttl) =>
        ttl <= TimeSpan.Zero ? "0" : ((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    internal static string UrgencyValue(WebPushUrgency urgency) => urgency switch
    {
        WebPushUrgency.VeryLow => "very-low",
        WebPushUrgency.Low => "low",
        WebPushUrgency.Normal => "normal",
        _ => "high",
    };

    private static bool TryDecode(string? value, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        return value is not null
            && System.Buffers.Text.Base64Url.TryDecodeFromChars(value, bytes, out var written)
            && written == length;
    }

    /// <summary>Push spec §12.1 response table.</summary>
    private PushSendResult Map(HttpResponseMessage response) => response.StatusCode switch
    {
        // RFC 8030 §5: 201 Created is success (202 only with Prefer: respond-async, which is never sent).
        HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted => PushSendResult.Accepted,

        // RFC 8030 §7.3: 404 for an expired subscription; deployed services answer 410 Gone for an unsubscribed one.
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: PushHttp.Status(response.StatusCode)),
        _ => PushHttp.FromStatus(response, _time),
    };
}
