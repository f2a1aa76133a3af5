using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mfa.Push.Transports.Http;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Fcm;

/// <summary>
/// Sends a wake-up message through the FCM HTTP v1 API (<c>projects.messages.send</c>; push spec §12.2): the ids in
/// <c>data</c>, a generic visible notification, Android and APNs delivery settings; refreshes the access token once on 401.
/// </summary>
internal sealed class FcmTransport(IHttpClientFactory httpClients, IOptions<FcmOptions> options, FcmAccessTokenSource tokens, TimeProvider time) : IPushTransport
{
    /// <summary>FCM's longest time to live: 28 days.</summary>
    private const long MaxTtlSeconds = 2_419_200;

    private readonly FcmOptions _options = options.Value;

    public PushAddressKind Kind => PushAddressKind.Fcm;

    public async ValueTask<PushSendResult> SendAsync(PushAddress address, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        if (address.Kind != PushAddressKind.Fcm || !IsRegistrationToken(address.Target))
        {
            return new PushSendResult(PushSendOutcome.InvalidAddress, Detail: "malformed registration token");
        }

        var body = Body(address.Target, message, time.GetUtcNow());
        for (var attempt = 0; ; attempt++)
        {
            var (token, tokenFault) = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                return tokenFault!;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, SendUri()) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            var (response, fault) = await PushHttp.SendAsync(
                httpClients.CreateClient(FcmOptions.HttpClientName), request, _options.RequestTimeout, time, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return fault!;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return PushSendResult.Accepted;
                }

                var error = FcmError.Parse(await PushHttp.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false));

                // Push spec §12.2: an expired or revoked access token (401 UNAUTHENTICATED) is refreshed once, then it is a configuration error.
                if (response.StatusCode == HttpStatusCode.Unauthorized && error.ErrorCode != "THIRD_PARTY_AUTH_ERROR")
                {
                    tokens.Invalidate(token);
                    if (attempt == 0)
                    {
                        continue;
                    }
                }

                return Map(response, error);
            }
        }
    }

    /// <summary>The <c>messages:send</c> request body of push spec §12.2.</summary>
    internal byte[] Body(string registrationToken, PushMessage message, DateTimeOffset now)
    {
        var ttl = message.TimeToLive <= TimeSpan.Zero ? 0 : Math.Min(MaxTtlSeconds, (long)Math.Ceiling(message.TimeToLive.TotalSeconds));
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("message");
            writer.WriteString("token", registrationToken);

            // data is a map of string to string: ids only (push spec §4.6).
            writer.WriteStartObject("data");
            writer.WriteString("v", "1");
            writer.WriteString("t", "mfa-push");
            writer.WriteString("cid", message.ChallengeId);
            writer.WriteString("cred", message.CredentialId);
            writer.WriteEndObject();

            writer.WriteStartObject("notification");
            writer.WriteString("title", _options.NotificationTitle);
            writer.WriteString("body", _options.NotificationBody);
            writer.WriteEndObject();

            writer.WriteStartObject("android");
            writer.WriteString("priority", "HIGH");
            writer.WriteString("ttl", ttl.ToString(CultureInfo.InvariantCulture) + "s");
            writer.WriteString("collapse_key", _options.CollapseKey);
            writer.WriteEndObject();

            writer.WriteStartObject("apns");
            writer.WriteStartObject("headers");
            writer.WriteString("apns-priority", "10");
            writer.WriteString("apns-push-type", "alert");
            writer.WriteString("apns-expiration", (now.ToUnixTimeSeconds() + ttl).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("apns-collapse-id", _options.CollapseKey);
            writer.WriteEndObject();
            writer.WriteStartObject("payload");
            writer.WriteStartObject("aps");
            writer.WriteString("category", _options.ApnsCategory);
            writer.WriteNumber("mutable-content", 1);
            writer.WriteString("sound", "default");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool IsRegistrationToken(string token) =>
        token.Length is > 0 and <= 4096 && token.All(static c => c is > ' ' and < '\u007f');

    private Uri SendUri() => new(_options.Endpoint, "v1/projects/" + Uri.EscapeDataString(tokens.ProjectId) + "/messages:send");

    /// <summary>Push spec §12.2 error table.</summary>
    private PushSendResult Map(HttpResponseMessage response, FcmError error)
    {
        var detail = PushHttp.Status(response.StatusCode) + " " + (error.ErrorCode ?? error.Status ?? "no error code");
        return error.ErrorCode switch
        {
            "UNREGISTERED" or "SENDER_ID_MISMATCH" => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: detail),
            "INVALID_ARGUMENT" when error.TokenRejected => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: detail),
            "INVALID_ARGUMENT" or "THIRD_PARTY_AUTH_ERROR" => new PushSendResult(PushSendOutcome.ConfigError, Detail: detail),
            "QUOTA_EXCEEDED" => new PushSendResult(PushSendOutcome.RateLimited, PushHttp.RetryAfter(response, time), detail),
            "UNAVAILABLE" or "INTERNAL" or "UNSPECIFIED_ERROR" => new PushSendResult(PushSendOutcome.TransientError, PushHttp.RetryAfter(response, time), detail),

            // A 404 without UNREGISTERED is a wrong project or URL, not a vanished device: never mark the device gone on a guess.
            _ when response.StatusCode == HttpStatusCode.NotFound => new PushSendResult(PushSendOutcome.ConfigError, Detail: detail),
            _ => PushHttp.FromStatus(response, time, error.ErrorCode ?? error.Status),
        };
    }
}
