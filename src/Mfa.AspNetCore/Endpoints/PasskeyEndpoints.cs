using System.Security.Claims;
using Mfa.AspNetCore.Authentication;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Username-less passkey sign-in: anonymous, antiforgery-checked and rate-limited per client.</summary>
internal static class PasskeyEndpoints
{
    public static async Task BeginAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        if (!await MfaCall.AntiforgeryPassesAsync(context, env).ConfigureAwait(false))
        {
            return;
        }

        if (env.Factors.Find(FactorKinds.WebAuthn) is null)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.UnknownFactor).ConfigureAwait(false);
            return;
        }

        var request = new WebAuthnChallengeRequest(MfaPurpose.SignIn) { RequireUserVerification = true };
        var start = await env.Mfa.BeginDiscoverableChallengeAsync(request, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted).ConfigureAwait(false);
        if (!start.Succeeded)
        {
            await MfaProblems.WriteAsync(context, start, start.RetryAfter).ConfigureAwait(false);
            return;
        }

        await JsonReply.OkAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("challengeId", start.ChallengeId);
            json.WriteString("expiresAt", start.ExpiresAt);
            json.WriteStartObject("prompt");
            Factors.WebAuthnBinding.WriteOptions(json, start.Prompt);
            json.WriteEndObject();
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task CompleteAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        if (!await MfaCall.AntiforgeryPassesAsync(context, env).ConfigureAwait(false))
        {
            return;
        }

        var body = await JsonBody.ReadObjectAsync(context).ConfigureAwait(false);
        var challengeId = body?.String("challengeId");
        var credential = body?.ObjectText("credential");
        if (string.IsNullOrEmpty(challengeId) || credential is null)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.MalformedInput).ConfigureAwait(false);
            return;
        }

        var result = await env.Mfa.CompleteDiscoverableChallengeAsync(challengeId, MfaPurpose.SignIn, new WebAuthnChallengeResponse(credential), context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await MfaProblems.WriteAsync(context, result, result.RetryAfter).ConfigureAwait(false);
            return;
        }

        // No first factor preceded: the passkey is the whole sign-in. The host may supply the user's claims (name, roles).
        var claims = env.Options.PasskeyUserClaims is { } load ? await load(context, result.UserId).ConfigureAwait(false) : [];
        if (claims is null)
        {
            await MfaProblems.WriteAsync(context, MfaFailureReason.Forbidden).ConfigureAwait(false);
            return;
        }

        var identity = new ClaimsIdentity(MfaAuthenticationDefaults.PendingScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, result.UserId));
        var name = claims.FirstOrDefault(c => c.Type == ClaimTypes.Name)?.Value ?? result.UserId;
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaims(claims.Where(c => c.Type is not (ClaimTypes.NameIdentifier or ClaimTypes.Name) && !MfaPrincipals.IsMfaClaim(c.Type)));
        var session = new MfaSession(MfaUsers.Create(result.UserId, name, null), IsPending: true, new ClaimsPrincipal(identity), null, null);
        await MfaSignIn.WriteVerificationAsync(context, env.Options, session, result, FactorKinds.WebAuthn, env.Time.GetUtcNow()).ConfigureAwait(false);
    }
}
