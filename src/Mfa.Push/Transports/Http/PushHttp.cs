using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Mfa.Push.Transports.Http;

/// <summary>What the HTTP transports share: sending with a timeout, reading Retry-After, mapping faults to results.</summary>
internal static class PushHttp
{
    /// <summary>The longest Retry-After honoured; a larger value is capped (a push that late is useless anyway).</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Sends <paramref name="request"/> with a timeout. A network fault or timeout becomes null plus a
    /// <see cref="PushSendOutcome.TransientError"/> result; the caller's cancellation still throws.
    /// </summary>
    public static async Task<(HttpResponseMessage? Response, PushSendResult? Fault)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            return (response, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new PushSendResult(PushSendOutcome.TransientError, Detail: "timeout"));
        }
        catch (HttpRequestException e)
        {
            return (null, new PushSendResult(PushSendOutcome.TransientError, Detail: "network: " + (e.HttpRequestError.ToString())));
        }
    }

    /// <summary>Reads a body as text, or "" when it cannot be read (a broken body is not worth a failure of its own).</summary>
    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    /// <summary>RFC 9110 §10.2.3: Retry-After as delay-seconds or an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        TimeSpan? delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxRetryAfter ? MaxRetryAfter : delay;
    }

    /// <summary>The fallback mapping of a status code with no more specific reason.</summary>
    public static PushSendResult FromStatus(HttpResponseMessage response, TimeProvider time, string? reason = null)
    {
        var status = (int)response.StatusCode;
        var detail = reason is null ? Status(response.StatusCode) : Status(response.StatusCode) + " " + reason;
        return status switch
        {
            429 => new PushSendResult(PushSendOutcome.RateLimited, RetryAfter(response, time), detail),
            >= 500 => new PushSendResult(PushSendOutcome.TransientError, RetryAfter(response, time), detail),
            404 or 410 => new PushSendResult(PushSendOutcome.InvalidAddress, Detail: detail),
            408 => new PushSendResult(PushSendOutcome.TransientError, Detail: detail),
            _ => new PushSendResult(PushSendOutcome.ConfigError, Detail: detail),
        };
    }

    /// <summary>A reason code from a service's body, kept only when it looks like one (letters, digits, '_', at most 64).</summary>
    public static string? SafeReason(string? reason) =>
        reason is { Length: > 0 and <= 64 } && reason.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_') ? reason : null;

    /// <summary>"HTTP 410" — the secret-free part of a response worth logging.</summary>
    public static string Status(HttpStatusCode status) => "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture);
}
