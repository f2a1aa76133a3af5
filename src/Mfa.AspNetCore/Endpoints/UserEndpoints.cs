using Mfa.AspNetCore.Authentication;
using Mfa.AspNetCore.Factors;
using Mfa.Core;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>The signed-in (or MFA-pending) user's endpoints: status, enrollment, challenges, recovery codes, authenticators.</summary>
internal static class UserEndpoints
{
    public static async Task AntiforgeryTokenAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        var tokens = env.Antiforgery.GetAndStoreTokens(context);
        await JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteOptional("headerName", tokens.HeaderName);
            json.WriteOptional("token", tokens.RequestToken);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task StatusAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: true, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var status = await call.Env.Mfa.GetStatusAsync(call.Session.User, call.Aborted).ConfigureAwait(false);
        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        await JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("displayName", call.Session.User.DisplayName);
            json.WriteString("session", call.Session.IsPending ? "pending" : "signedIn");
            json.WriteTime("mfaTime", call.Session.MfaTime);
            json.WriteStartArray("factors");
            foreach (var kind in call.Env.Factors.Kinds)
            {
                json.WriteStringValue(kind);
            }

            json.WriteEndArray();
            AuthenticatorJson.WriteStatusMembers(json, status, types, withHardLocks: false);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task BeginEnrollmentAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        var reply = await binding.BeginEnrollmentAsync(call.Env.Mfa, call.Session, call.Body, context, call.Aborted).ConfigureAwait(false);
        await WriteBegunAsync(call, reply, "enrollmentId").ConfigureAwait(false);
    }

    public static async Task CompleteEnrollmentAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        var enrollmentId = call.Body.String("enrollmentId");
        if (string.IsNullOrEmpty(enrollmentId) || binding.ReadEnrollmentResponse(call.Body) is not { } response)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.CompleteEnrollmentAsync(call.Session.User, enrollmentId, response, call.Aborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await MfaProblems.WriteAsync(context, result, result.RetryAfter).ConfigureAwait(false);
            return;
        }

        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        await JsonReply.OkAsync(context, json => AuthenticatorJson.WriteResult(json, result, types)).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST …/enrollments/{kind}/import</c>: stores an existing authenticator the factor can import without a code (an
    /// HOTP token from its vendor's secret and counter). Core's recent-proof rule applies as to any added factor.
    /// </summary>
    public static async Task ImportAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        if (!binding.CanImport)
        {
            await call.FailAsync(MfaFailureReason.NotSupported).ConfigureAwait(false);
            return;
        }

        if (binding.ReadImport(call.Body) is not { } import)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.ImportAuthenticatorAsync(call.Session.User, import, call.Aborted).ConfigureAwait(false);
        await WriteOperationAsync(call, result, call.Session.User.Id, withLockedOut: false).ConfigureAwait(false);
    }

    public static async Task BeginChallengeAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        if (call.Purpose() is not { } purpose)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var reply = await binding.BeginChallengeAsync(call.Env.Mfa, call.Session.User, purpose, call.Body.String("authenticatorId"), call.Body, context, call.Aborted).ConfigureAwait(false);
        await WriteBegunAsync(call, reply, "challengeId").ConfigureAwait(false);
    }

    public static async Task CompleteChallengeAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        var challengeId = call.Body.String("challengeId");
        if (string.IsNullOrEmpty(challengeId) || call.Purpose() is not { } purpose || binding.ReadChallengeResponse(call.Body) is not { } response)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.CompleteChallengeAsync(call.Session.User, challengeId, purpose, response, call.Aborted).ConfigureAwait(false);
        await MfaSignIn.WriteVerificationAsync(context, call.Env.Options, call.Session, result, binding.Kind, call.Env.Time.GetUtcNow()).ConfigureAwait(false);
    }

    /// <summary>
    /// Long poll of an out-of-band challenge: polls the service (a poll consumes nothing) every poll interval until an
    /// outcome, <see cref="MfaAspNetCoreOptions.LongPollTimeout"/>, or the client going away (<see cref="HttpContext.RequestAborted"/>).
    /// </summary>
    public static async Task WaitAsync(HttpContext context)
    {
        if (await StartFactorCallAsync(context).ConfigureAwait(false) is not (var call, var binding))
        {
            return;
        }

        var challengeId = call.Body.String("challengeId");
        if (string.IsNullOrEmpty(challengeId) || call.Purpose() is not { } purpose)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        if (binding.PollResponse is not { } poll)
        {
            await call.FailAsync(MfaFailureReason.WrongFactorFlow).ConfigureAwait(false);
            return;
        }

        var time = call.Env.Time;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var result = await call.Env.Mfa.CompleteChallengeAsync(call.Session.User, challengeId, purpose, poll, call.Aborted).ConfigureAwait(false);
            var interval = result.PollInterval is { } i && i > TimeSpan.Zero ? i : TimeSpan.FromSeconds(1);
            if (!result.IsPending || waited + interval > call.Env.Options.LongPollTimeout)
            {
                await MfaSignIn.WriteVerificationAsync(context, call.Env.Options, call.Session, result, binding.Kind, time.GetUtcNow()).ConfigureAwait(false);
                return;
            }

            // The server-side cap counts the intervals waited (not the clock), so a test clock cannot stall it.
            await Task.Delay(interval, time, call.Aborted).ConfigureAwait(false);
            waited += interval;
        }
    }

    public static async Task GenerateRecoveryCodesAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var codes = await call.Env.Mfa.GenerateRecoveryCodesAsync(call.Session.User, call.Aborted).ConfigureAwait(false);
        if (!codes.Succeeded)
        {
            await MfaProblems.WriteAsync(context, codes).ConfigureAwait(false);
            return;
        }

        await JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("codes");
            foreach (var code in codes.Codes)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteString("createdAt", codes.CreatedAt);
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task RedeemRecoveryCodeAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: true).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var code = call.Body.String("code");
        if (string.IsNullOrEmpty(code) || call.Purpose() is not { } purpose)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.RedeemRecoveryCodeAsync(call.Session.User, code, purpose, call.Aborted).ConfigureAwait(false);
        await MfaSignIn.WriteVerificationAsync(context, call.Env.Options, call.Session, result, MfaAmr.RecoveryKind, call.Env.Time.GetUtcNow()).ConfigureAwait(false);
    }

    public static async Task ListAuthenticatorsAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: false, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var list = await call.Env.Mfa.ListAuthenticatorsAsync(call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        await JsonReply.OkAsync(context, json => AuthenticatorJson.WriteList(json, list, types)).ConfigureAwait(false);
    }

    public static async Task RenameAuthenticatorAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        var name = call.Body.String("name");
        if (string.IsNullOrEmpty(id) || name is null)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await call.Env.Mfa.RenameAuthenticatorAsync(call.Session.User, id, name, call.Aborted).ConfigureAwait(false);
        await WriteOperationAsync(call, result, call.Session.User.Id, withLockedOut: false).ConfigureAwait(false);
    }

    public static async Task RemoveAuthenticatorAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: false, readBody: false).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        if (string.IsNullOrEmpty(id))
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var types = await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, call.Session.User.Id, call.Aborted).ConfigureAwait(false);
        var result = await call.Env.Mfa.RemoveAuthenticatorAsync(call.Session.User, id, call.Aborted).ConfigureAwait(false);
        await WriteOperationAsync(call, result, call.Session.User.Id, withLockedOut: false, types).ConfigureAwait(false);
    }

    internal static async Task WriteOperationAsync(MfaCall call, Core.Service.MfaOperationResult result, string userId, bool withLockedOut, IReadOnlyDictionary<string, string>? types = null)
    {
        if (!result.Succeeded)
        {
            await MfaProblems.WriteAsync(call.Http, result, result.RetryAfter).ConfigureAwait(false);
            return;
        }

        types ??= await AuthenticatorJson.LoadTypesAsync(call.Env.Authenticators, userId, call.Aborted).ConfigureAwait(false);
        await JsonReply.OkAsync(call.Http, json => AuthenticatorJson.WriteResult(json, result, types, withLockedOut)).ConfigureAwait(false);
    }

    private static async Task WriteBegunAsync(MfaCall call, Factors.FactorReply? reply, string idName)
    {
        if (reply is null)
        {
            await call.FailAsync(MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        if (!reply.Result.Succeeded || reply.Id is null || reply.WritePrompt is null)
        {
            await MfaProblems.WriteAsync(call.Http, reply.Result, reply.RetryAfter).ConfigureAwait(false);
            return;
        }

        await JsonReply.OkAsync(call.Http, json =>
        {
            json.WriteStartObject();
            json.WriteString(idName, reply.Id);
            json.WriteString("expiresAt", reply.ExpiresAt);
            json.WriteStartObject("prompt");
            reply.WritePrompt(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a call on a factor's route (<c>…/{kind}/…</c>): null when the call was refused or the factor is not registered
    /// (the problem is already written).
    /// </summary>
    private static async Task<(MfaCall Call, FactorBinding Binding)?> StartFactorCallAsync(HttpContext context)
    {
        if (await MfaCall.StartAsync(context, allowPending: true).ConfigureAwait(false) is not { } call)
        {
            return null;
        }

        if (call.Env.Factors.Find(context.Request.RouteValues["kind"] as string) is not { } binding)
        {
            await call.FailAsync(MfaFailureReason.UnknownFactor).ConfigureAwait(false);
            return null;
        }

        return (call, binding);
    }
}
