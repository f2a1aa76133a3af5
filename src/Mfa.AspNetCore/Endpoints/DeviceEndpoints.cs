using System.Text;
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

    public static async Task FetchChallengeAsync(HttpContext context)
    {
        var endpoints = context.RequestServices.GetService<PushDeviceEndpoints>();
        var challengeId = context.Request.RouteValues["challengeId"] as string;
        if (endpoints is null || string.IsNullOrEmpty(challengeId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var proof = context.Request.Headers["MfaPush-Proof"].ToString();
        var uri = new Uri(context.Request.GetEncodedUrl());
        var reply = await endpoints.FetchChallengeAsync(proof.Length == 0 ? null : proof, context.Request.Method, uri, challengeId, context.RequestAborted).ConfigureAwait(false);
        if (reply.Json is null)
        {
            context.Response.StatusCode = reply.StatusCode;
            return;
        }

        await WriteRawAsync(context, reply.StatusCode, reply.Json).ConfigureAwait(false);
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

    private static Task WriteRawAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted).AsTask();
    }
}
