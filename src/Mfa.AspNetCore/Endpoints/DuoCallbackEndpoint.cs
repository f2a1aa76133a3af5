using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Duo;
using Mfa.Duo.UniversalPrompt;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>
/// Duo's Universal Prompt redirect (a top-level GET, so the Lax pending cookie arrives). Duo's <c>state</c> is the
/// service's challenge id; the service compares it in constant time and exchanges the code. The browser is sent on.
/// </summary>
internal static class DuoCallbackEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var env = MfaEnvironment.Of(context);
        var options = env.Options;
        var session = await MfaSessions.ResolveAsync(context, options, allowPending: true).ConfigureAwait(false);
        if (session is null)
        {
            RedirectError(context, options, MfaFailureReason.NotAuthenticated);
            return;
        }

        var query = context.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()));
        if (env.Factors.Find(FactorKinds.Duo) is null || !DuoCallback.TryParse(query, out var callback) || callback is null || string.IsNullOrEmpty(callback.State))
        {
            RedirectError(context, options, MfaFailureReason.MalformedInput);
            return;
        }

        var remembered = await env.Lookups.GetDuoRedirectAsync(callback.State, context.RequestAborted).ConfigureAwait(false);
        var purpose = MfaPurpose.SignIn;
        if (!session.IsPending && remembered is { } r)
        {
            try
            {
                purpose = MfaPurpose.Parse(r.Purpose);
            }
            catch (FormatException)
            {
                purpose = MfaPurpose.StepUp("session");
            }
        }
        else if (!session.IsPending)
        {
            purpose = MfaPurpose.StepUp("session");
        }

        var result = await env.Mfa.CompleteChallengeAsync(session.User, callback.State, purpose, DuoCallbackResponse.From(callback), context.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded || !result.Proves(session.User.Id, purpose))
        {
            RedirectError(context, options, result.IsPending ? MfaFailureReason.WrongFactorFlow : result.FailureReason);
            return;
        }

        await MfaSignIn.SignInAsync(context, options, session, MfaVerified.From(result, FactorKinds.Duo, env.Time.GetUtcNow())).ConfigureAwait(false);
        context.Response.Redirect(remembered?.ReturnUrl ?? options.SignedInRedirectPath);
    }

    private static void RedirectError(HttpContext context, MfaAspNetCoreOptions options, MfaFailureReason reason)
    {
        var separator = options.ErrorRedirectPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        context.Response.Redirect(options.ErrorRedirectPath + separator + "mfaError=" + reason);
    }
}
