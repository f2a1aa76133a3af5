using System.Security.Claims;
using Mfa.AspNetCore.Authentication;
using Mfa.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Finds the caller's session: the host's sign-in first, then (where allowed) the pending one.</summary>
internal static class MfaSessions
{
    public static async Task<MfaSession?> ResolveAsync(HttpContext context, MfaAspNetCoreOptions options, bool allowPending)
    {
        var signedIn = await context.AuthenticateAsync(options.SignInScheme).ConfigureAwait(false);
        if (signedIn.Succeeded && From(signedIn.Principal, pending: false, signedIn.Properties) is { } session)
        {
            return session;
        }

        if (!allowPending)
        {
            return null;
        }

        var pending = await context.AuthenticateAsync(MfaAuthenticationDefaults.PendingScheme).ConfigureAwait(false);
        return pending.Succeeded ? From(pending.Principal, pending: true, pending.Properties) : null;
    }

    private static MfaSession? From(ClaimsPrincipal? principal, bool pending, AuthenticationProperties? properties)
    {
        var id = principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (principal is null || string.IsNullOrWhiteSpace(id) || id.Length > MfaUser.MaxIdLength || !Core.Factors.AuthenticatorNames.IsWellFormed(id))
        {
            return null;
        }

        var name = principal.FindFirst(ClaimTypes.Name)?.Value;
        var mfaTime = pending ? null : MfaClaims.GetMfaTime(principal);
        var user = MfaUsers.Create(id, string.IsNullOrWhiteSpace(name) ? id : name, mfaTime);
        return new MfaSession(user, pending, principal, properties, mfaTime);
    }
}
