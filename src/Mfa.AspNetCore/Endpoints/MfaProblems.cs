using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Mfa.Core;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Writes RFC 9457 problem details carrying the stable <see cref="MfaFailureReason"/> (name and value), never a secret.</summary>
internal static class MfaProblems
{
    /// <summary>The HTTP status of a failure reason.</summary>
    public static int StatusOf(MfaFailureReason reason) => reason switch
    {
        MfaFailureReason.NotAuthenticated => StatusCodes.Status401Unauthorized,
        MfaFailureReason.ReauthenticationRequired or MfaFailureReason.FactorNotAllowed or MfaFailureReason.PolicyViolation
            or MfaFailureReason.FraudReported or MfaFailureReason.Forbidden => StatusCodes.Status403Forbidden,
        MfaFailureReason.ChallengeNotFound or MfaFailureReason.UnknownAuthenticator or MfaFailureReason.NotEnrolled
            or MfaFailureReason.UnknownFactor => StatusCodes.Status404NotFound,
        MfaFailureReason.AlreadyEnrolled or MfaFailureReason.AlreadyAnswered or MfaFailureReason.ConcurrencyConflict
            or MfaFailureReason.LastAuthenticator => StatusCodes.Status409Conflict,
        MfaFailureReason.LockedOut or MfaFailureReason.RateLimited => StatusCodes.Status429TooManyRequests,
        MfaFailureReason.StoreUnavailable or MfaFailureReason.SecretUnavailable or MfaFailureReason.DuoUnavailable
            or MfaFailureReason.RemoteFailure => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Writes the problem for <paramref name="reason"/> with Core's secret-free message.</summary>
    public static Task WriteAsync(HttpContext context, MfaFailureReason reason, TimeSpan? retryAfter = null, string? message = null) =>
        WriteAsync(context, reason, StatusOf(reason), retryAfter, message, deviceError: null);

    /// <summary>
    /// Writes the problem for <paramref name="reason"/> with an explicit <paramref name="status"/> and, for the push device
    /// routes, the push protocol's own code as <c>error</c> (push spec §6), so a phone reading either finds its answer.
    /// </summary>
    public static Task WriteAsync(HttpContext context, MfaFailureReason reason, int status, TimeSpan? retryAfter, string? message, string? deviceError)
    {
        var body = Json(reason, status, retryAfter, message, deviceError);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.Headers.CacheControl = "no-store";
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>The problem document of <paramref name="reason"/> (also the data of an event stream's <c>failed</c> event).</summary>
    public static ReadOnlyMemory<byte> Json(MfaFailureReason reason, int status, TimeSpan? retryAfter = null, string? message = null, string? deviceError = null)
    {
        var name = reason.ToString();
        var detail = message ?? MessageOf(reason);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "urn:mfa:failure:" + name);
            json.WriteString("title", detail);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("failureReason", name);
            json.WriteNumber("failureCode", (int)reason);
            if (retryAfter is { } after && after > TimeSpan.Zero)
            {
                json.WriteNumber("retryAfter", RetryAfterSeconds(after));
            }

            json.WriteOptional("error", deviceError);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Writes the problem of a failed Core result (its message is Core's secret-free one).</summary>
    public static Task WriteAsync(HttpContext context, MfaResult result, TimeSpan? retryAfter = null) =>
        WriteAsync(context, result.FailureReason, retryAfter, result.Message);

    /// <summary>The message of a reason the web layer raises itself.</summary>
    public static string MessageOf(MfaFailureReason reason) => reason switch
    {
        MfaFailureReason.AntiforgeryRejected => "The request could not be verified; reload the page and try again.",
        MfaFailureReason.NotAuthenticated => "Sign in first.",
        MfaFailureReason.Forbidden => "You are not allowed to do this.",
        MfaFailureReason.UnknownFactor => "This sign-in method is not available.",
        MfaFailureReason.MalformedInput => "The input is malformed.",
        MfaFailureReason.RateLimited => "Too many requests; try again later.",
        MfaFailureReason.ReauthenticationRequired => "Verify your identity again to change your sign-in methods.",
        MfaFailureReason.StoreUnavailable => "The service is temporarily unavailable; try again.",
        _ => "The request failed.",
    };

    private static long RetryAfterSeconds(TimeSpan after) => (long)Math.Ceiling(after.TotalSeconds);
}
