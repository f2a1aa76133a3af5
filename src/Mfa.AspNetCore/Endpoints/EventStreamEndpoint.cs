using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.AspNetCore.Diagnostics;
using Mfa.Core;
using Mfa.Core.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// Server-sent events for an out-of-band challenge (push, Duo Auth API): <c>GET …/challenges/{kind}/{challengeId}/events</c>
/// polls the service at the factor's interval (a poll consumes nothing), sends a comment line every
/// <see cref="MfaAspNetCoreOptions.EventStreamHeartbeat"/>, and ends with one event: <c>succeeded</c>, <c>failed</c> (the
/// problem document) or <c>timeout</c> (<see cref="MfaAspNetCoreOptions.EventStreamTimeout"/>), or when the client goes away.
/// </summary>
/// <remarks>
/// The response headers are sent before the outcome is known, so the stream cannot set the session cookie itself: a
/// success is parked as a one-time <c>claimToken</c> (<see cref="Factors.PendingLookups"/>, two minutes, bound to the
/// user) that the page posts to <c>…/challenges/{kind}/claim</c>, an antiforgery-checked request that signs in.
/// </remarks>
internal static class EventStreamEndpoint
{
    private static readonly TimeSpan s_claimLifetime = TimeSpan.FromMinutes(2);

    public static async Task HandleAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: true, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var env = call.Env;
        if (env.Factors.Find(context.Request.RouteValues["kind"] as string) is not { } binding)
        {
            await call.FailAsync(MfaFailureReason.UnknownFactor).ConfigureAwait(false);
            return;
        }

        var challengeId = context.Request.RouteValues["challengeId"] as string;
        if (string.IsNullOrEmpty(challengeId) || call.Purpose(context.Request.Query["purpose"].ToString()) is not { } purpose)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        if (binding.PollResponse is not { } poll)
        {
            await call.FailAsync(MfaFailureReason.WrongFactorFlow).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var user = call.Session.User;
        var outcome = "aborted";
        try
        {
            await SendAsync(context, "retry: 3000\n: open\n\n").ConfigureAwait(false);
            outcome = await StreamAsync(call, binding.Kind, challengeId, purpose, poll).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.Aborted.IsCancellationRequested)
        {
            // The client went away: the loop stops here; nothing was consumed by the polls.
        }
        finally
        {
            MfaWebLog.EventStreamEnded(env.Logger, user.Id, binding.Kind, outcome);
        }
    }

    private static async Task<string> StreamAsync(MfaCall call, string kind, string challengeId, MfaPurpose purpose, Core.Factors.ChallengeResponse poll)
    {
        var env = call.Env;
        var waited = TimeSpan.Zero;
        var quiet = TimeSpan.Zero;
        while (true)
        {
            var result = await env.Mfa.CompleteChallengeAsync(call.Session.User, challengeId, purpose, poll, call.Aborted).ConfigureAwait(false);
            var interval = result.PollInterval is { } i && i > TimeSpan.Zero ? i : TimeSpan.FromSeconds(1);
            if (!result.IsPending)
            {
                return await SendOutcomeAsync(call, result, kind).ConfigureAwait(false);
            }

            // The cap counts the intervals waited (not the clock), as the long poll does, so a test clock cannot stall it.
            if (waited + interval > env.Options.EventStreamTimeout)
            {
                await SendEventAsync(call.Http, "timeout", json =>
                {
                    json.WriteStartObject();
                    json.WriteString("status", "pending");
                    json.WriteString("challengeId", challengeId);
                    json.WriteNumber("pollIntervalMs", (long)interval.TotalMilliseconds);
                    json.WriteEndObject();
                }).ConfigureAwait(false);
                return "timeout";
            }

            await Task.Delay(interval, env.Time, call.Aborted).ConfigureAwait(false);
            waited += interval;
            quiet += interval;
            if (quiet >= env.Options.EventStreamHeartbeat)
            {
                await SendAsync(call.Http, ": heartbeat\n\n").ConfigureAwait(false);
                quiet = TimeSpan.Zero;
            }
        }
    }

    private static async Task<string> SendOutcomeAsync(MfaCall call, MfaVerificationResult result, string kind)
    {
        if (!result.Succeeded || !result.Proves(call.Session.User.Id, result.Purpose))
        {
            var problem = MfaProblems.Json(result.FailureReason, MfaProblems.StatusOf(result.FailureReason), result.RetryAfter, result.Message);
            await SendAsync(call.Http, "event: failed\ndata: " + Encoding.UTF8.GetString(problem.Span) + "\n\n").ConfigureAwait(false);
            return result.FailureReason.ToString();
        }

        var now = call.Env.Time.GetUtcNow();
        var claimToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await call.Env.Lookups.SetSignInClaimAsync(claimToken, MfaVerified.From(result, kind, now), now + s_claimLifetime, call.Aborted).ConfigureAwait(false);
        await SendEventAsync(call.Http, "succeeded", json =>
        {
            json.WriteStartObject();
            json.WriteString("status", "succeeded");
            json.WriteString("kind", kind);
            json.WriteString("claimToken", claimToken);
            json.WriteEndObject();
        }).ConfigureAwait(false);
        return "succeeded";
    }

    /// <summary>
    /// <c>POST …/challenges/{kind}/claim</c> <c>{"claimToken"}</c>: signs in with the verification an event stream parked
    /// (once, by the same user, for the same factor kind).
    /// </summary>
    public static async Task ClaimAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: true).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var kind = context.Request.RouteValues["kind"] as string;
        var claimToken = call.Body.String("claimToken");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(claimToken) || claimToken.Length > 64)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var verified = await call.Env.Lookups.TakeSignInClaimAsync(claimToken, call.Session.User.Id, kind, call.Aborted).ConfigureAwait(false);
        if (verified is null)
        {
            MfaWebLog.SignInClaimRefused(call.Env.Logger, call.Session.User.Id);
            await call.FailAsync(MfaFailureReason.ChallengeNotFound).ConfigureAwait(false);
            return;
        }

        await MfaSignIn.WriteSignInAsync(context, call.Env.Options, call.Session, verified).ConfigureAwait(false);
    }

    private static Task SendEventAsync(HttpContext context, string name, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return SendAsync(context, "event: " + name + "\ndata: " + Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n\n");
    }

    private static async Task SendAsync(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
