using System.Text;
using Mfa.AspNetCore.Diagnostics;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Push.Factor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// The push device's endpoints (push spec §3.4, §4.6, §5.2): no cookie and no antiforgery — the device's signature
/// authenticates it — and rate-limited per client.
/// </summary>
internal static class DeviceEndpoints
{
    public static async Task EnrollAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        var body = await JsonBody.ReadObjectAsync(context).ConfigureAwait(false);
        var token = body?.String("enroll");
        if (env.Factors.Find(FactorKinds.Push) is null || token is null
            || !PushEnrollmentResponse.TryReadEnrollmentId(token, out var enrollmentId)
            || await env.Lookups.GetPushEnrollmentAsync(enrollmentId, context.RequestAborted).ConfigureAwait(false) is not { } owner)
        {
            // Push spec §3.4: any failure is a 400 that does not say which check failed.
            await MfaProblems.WriteAsync(context, MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var user = MfaUsers.Create(owner.UserId, owner.DisplayName, owner.MfaTime);
        var response = new PushEnrollmentResponse(token);
        var result = await env.Mfa.CompleteEnrollmentAsync(user, enrollmentId, response, context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded || response.DeviceResponseJson is null)
        {
            await MfaProblems.WriteAsync(context, result.Succeeded ? MfaFailureReason.MalformedInput : result.FailureReason).ConfigureAwait(false);
            return;
        }

        await WriteRawAsync(context, StatusCodes.Status201Created, response.DeviceResponseJson).ConfigureAwait(false);
    }

    /// <summary><c>GET {challenges}/{cid}</c> (push spec §4.6): one pending challenge, for a device with a valid request proof.</summary>
    public static async Task FetchChallengeAsync(HttpContext context)
    {
        var challengeId = context.Request.RouteValues["challengeId"] as string;
        if (context.RequestServices.GetService<PushDeviceEndpoints>() is not { } endpoints || string.IsNullOrEmpty(challengeId))
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.ChallengeNotFound).ConfigureAwait(false);
            return;
        }

        var uri = new Uri(context.Request.GetEncodedUrl());
        var reply = await endpoints.FetchChallengeAsync(Proof(context), context.Request.Method, uri, challengeId, context.RequestAborted).ConfigureAwait(false);
        await WriteReplyAsync(context, "fetch", reply).ConfigureAwait(false);
    }

    /// <summary><c>GET {challenges}</c> (push spec §4.7): every challenge still waiting for the device whose request proof this is.</summary>
    public static async Task PullAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<PushDeviceEndpoints>() is not { } endpoints)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.UnknownFactor).ConfigureAwait(false);
            return;
        }

        var uri = new Uri(context.Request.GetEncodedUrl());
        var reply = await endpoints.PullPendingAsync(Proof(context), context.Request.Method, uri, context.RequestAborted).ConfigureAwait(false);
        await WriteReplyAsync(context, "pull", reply).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST {pushAddress}</c> (push spec §3.5) <c>{"update":"&lt;JWS&gt;","newKeyProof"?:"&lt;JWS&gt;"}</c>: a new push
    /// address, and with <c>newKeyProof</c> a new possession key, signed by the device's current key. 204 when stored.
    /// </summary>
    public static async Task UpdateAddressAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<PushDeviceEndpoints>() is not { } endpoints)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.UnknownFactor).ConfigureAwait(false);
            return;
        }

        var body = await JsonBody.ReadObjectAsync(context).ConfigureAwait(false);
        var update = body?.String("update");
        if (string.IsNullOrEmpty(update))
        {
            await WriteReplyAsync(context, "push-address", new PushDeviceReply(StatusCodes.Status400BadRequest, null)).ConfigureAwait(false);
            return;
        }

        var reply = await endpoints.UpdatePushAddressAsync(update, body?.String("newKeyProof"), context.RequestAborted).ConfigureAwait(false);
        await WriteReplyAsync(context, "push-address", reply).ConfigureAwait(false);
    }

    public static async Task AnswerAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        var challengeId = context.Request.RouteValues["challengeId"] as string;
        var body = await JsonBody.ReadObjectAsync(context).ConfigureAwait(false);
        var token = body?.String("response");
        if (string.IsNullOrEmpty(challengeId) || string.IsNullOrEmpty(token))
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await env.Mfa.AnswerChallengeAsync(challengeId, new PushChallengeAnswer(token), context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded || result.Outcome is not { } outcome)
        {
            await MfaProblems.WriteAsync(context, result).ConfigureAwait(false);
            return;
        }

        await JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("outcome", JsonReply.Camel(outcome.ToString()));
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string? Proof(HttpContext context) => context.Request.Headers["MfaPush-Proof"].ToString() is { Length: > 0 } proof ? proof : null;

    /// <summary>
    /// A success as the push spec's JSON (or 204); a refusal as a problem with the spec's status, the stable failure reason
    /// and the spec's <c>error</c> code. A missing, forged or replayed request proof is <c>401</c> <c>InvalidSignature</c>
    /// without saying which (push spec §4.8).
    /// </summary>
    private static Task WriteReplyAsync(HttpContext context, string route, PushDeviceReply reply)
    {
        if (reply.StatusCode is >= 200 and < 300)
        {
            if (reply.Json is null)
            {
                context.Response.StatusCode = reply.StatusCode;
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }

            return WriteRawAsync(context, reply.StatusCode, reply.Json);
        }

        var error = DeviceErrors.CodeOf(reply.Json);
        var reason = reply.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => MfaFailureReason.InvalidSignature,
            StatusCodes.Status409Conflict when error is null => MfaFailureReason.ConcurrencyConflict,
            _ => DeviceErrors.ReasonOf(error),
        };
        var logger = MfaEnvironment.Of(context).Logger;
        MfaWebLog.DeviceRequestRefused(logger, route, reply.StatusCode);
        return MfaProblems.WriteAsync(context, reason, reply.StatusCode, retryAfter: null, message: null, error);
    }

    private static Task WriteRawAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted).AsTask();
    }
}
