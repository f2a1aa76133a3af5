using System.Security.Claims;
using Mfa.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.AspNetCore.Http;

/// <summary>The first step of the two-step sign-in.</summary>
public static class MfaHttpContextExtensions
{
    /// <summary>
    /// After the host's first factor (a password): issues the short-lived "MFA pending" cookie, which reaches only the MFA
    /// endpoints. A successful challenge there signs in with the host's scheme and removes it.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="userId">The host's immutable user key.</param>
    /// <param name="displayName">The name shown on authenticators and in the final sign-in's name claim.</param>
    /// <param name="claims">Claims carried into the final sign-in (roles, e-mail…); <see langword="null"/> for none.</param>
    /// <param name="isPersistent">Whether the final sign-in's cookie outlives the browser session.</param>
    /// <returns>A task.</returns>
    public static Task SignInMfaPendingAsync(this HttpContext context, string userId, string displayName, IEnumerable<Claim>? claims = null, bool isPersistent = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var identity = new ClaimsIdentity(MfaAuthenticationDefaults.PendingScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId));
        identity.AddClaim(new Claim(ClaimTypes.Name, displayName));
        if (claims is not null)
        {
            foreach (var claim in claims)
            {
                if (claim.Type is not (ClaimTypes.NameIdentifier or ClaimTypes.Name) && !MfaPrincipals.IsMfaClaim(claim.Type))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
                }
            }
        }

        var properties = new AuthenticationProperties();
        properties.Items[MfaPrincipals.PersistentItem] = isPersistent ? "1" : "0";
        return context.SignInAsync(MfaAuthenticationDefaults.PendingScheme, new ClaimsPrincipal(identity), properties);
    }

    /// <summary>Removes the "MFA pending" cookie (the user gave up, or signed out).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    public static Task SignOutMfaPendingAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SignOutAsync(MfaAuthenticationDefaults.PendingScheme);
    }
}
