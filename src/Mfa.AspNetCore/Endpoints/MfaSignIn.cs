using System.Text.Json;
using Mfa.AspNetCore.Authentication;
using Mfa.Core.Service;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Turns a successful verification into the host's sign-in (with <c>amr</c> and <c>mfa_time</c>) and drops the pending cookie.</summary>
internal static class MfaSignIn
{
    /// <summary>Signs in and returns what the SignIn JSON reports.</summary>
    public static async Task<IReadOnlyList<string>> SignInAsync(HttpContext context, MfaAspNetCoreOptions options, MfaSession session, MfaVerified verified)
    {
        var principal = MfaPrincipals.Build(session, options.SignInScheme, verified);
        var properties = new AuthenticationProperties();
        if (session.IsPending)
        {
            properties.IsPersistent = session.Properties?.Items.TryGetValue(MfaPrincipals.PersistentItem, out var persistent) == true && persistent == "1";
        }
        else
        {
            properties.IsPersistent = session.Properties?.IsPersistent ?? false;
        }

        await context.SignInAsync(options.SignInScheme, principal, properties).ConfigureAwait(false);
        if (session.IsPending)
        {
            await context.SignOutAsync(MfaAuthenticationDefaults.PendingScheme).ConfigureAwait(false);
        }

        // Keep the rest of this request consistent with the new session (antiforgery tokens minted next bind to it).
        context.User = principal;
        return [.. principal.FindAll(MfaClaimTypes.Amr).Select(c => c.Value)];
    }

    /// <summary>Answers a verification: a problem, <c>202</c> pending, or the sign-in and its SignIn JSON.</summary>
    public static async Task WriteVerificationAsync(HttpContext context, MfaAspNetCoreOptions options, MfaSession session, MfaVerificationResult result, string kind, DateTimeOffset now, string? redirect = null)
    {
        if (result.IsPending)
        {
            await JsonReply.WriteAsync(context, StatusCodes.Status202Accepted, json =>
            {
                json.WriteStartObject();
                json.WriteString("status", "pending");
                json.WriteOptional("challengeId", result.ChallengeId);
                json.WriteNumber("pollIntervalMs", (long)(result.PollInterval ?? TimeSpan.FromSeconds(1)).TotalMilliseconds);
                json.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        if (!result.Succeeded || !result.Proves(session.User.Id, result.Purpose))
        {
            await MfaProblems.WriteAsync(context, result, result.RetryAfter).ConfigureAwait(false);
            return;
        }

        await WriteSignInAsync(context, options, session, MfaVerified.From(result, kind, now), redirect).ConfigureAwait(false);
    }

    /// <summary>Signs in with a verification and answers the SignIn JSON.</summary>
    public static async Task WriteSignInAsync(HttpContext context, MfaAspNetCoreOptions options, MfaSession session, MfaVerified verified, string? redirect = null)
    {
        var amr = await SignInAsync(context, options, session, verified).ConfigureAwait(false);
        await JsonReply.OkAsync(context, json => WriteSignIn(json, verified, amr, redirect)).ConfigureAwait(false);
    }

    private static void WriteSignIn(Utf8JsonWriter json, MfaVerified verified, IReadOnlyList<string> amr, string? redirect)
    {
        json.WriteStartObject();
        json.WriteString("status", "succeeded");
        json.WriteString("userId", verified.UserId);
        json.WriteString("kind", verified.Kind);
        json.WriteOptional("authenticatorId", verified.AuthenticatorId);
        json.WriteStartArray("amr");
        foreach (var value in amr)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
        json.WriteString("mfaTime", verified.At);
        json.WriteBoolean("bypassed", verified.Bypassed);
        json.WriteOptional("redirect", redirect);
        json.WriteEndObject();
    }
}
