using System.Security.Claims;
using Mfa.Sample.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mfa.Sample.Web.SignIn;

/// <summary>
/// The host's side of the two-step sign-in: the claims an account carries, and the password-only sign-in of a user who
/// has no second factor yet. The MFA step itself is Mfa.AspNetCore's (<c>SignInMfaPendingAsync</c>, <c>/mfa</c>).
/// </summary>
internal static class SampleSignIn
{
    /// <summary>The role of the site's administrator.</summary>
    public const string AdminRole = "admin";

    /// <summary>The admin page's policy: the admin role and a session that completed MFA.</summary>
    public const string AdminPolicy = "SampleAdmin";

    /// <summary>The password change's policy: a second factor within the last five minutes (step-up).</summary>
    public const string RecentMfaPolicy = "SampleRecentMfa";

    /// <summary>How recent the MFA of a sensitive action must be.</summary>
    public static readonly TimeSpan RecentMfaMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>What an account carries into its session besides its id and name: the admin role.</summary>
    public static IReadOnlyList<Claim> RoleClaims(Account account) => account.IsAdmin ? [new Claim(ClaimTypes.Role, AdminRole)] : [];

    /// <summary>Signs in with the password only (a user with no second factor): <c>amr</c> = <c>pwd</c>, no <c>mfa</c>.</summary>
    public static Task SignInWithPasswordOnlyAsync(HttpContext context, Account account)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.Username));
        identity.AddClaim(new Claim(Mfa.AspNetCore.Authentication.MfaClaimTypes.Amr, "pwd"));
        identity.AddClaims(RoleClaims(account));
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The claims of a user who signed in with a passkey alone (Mfa.AspNetCore's <c>PasskeyUserClaims</c>).</summary>
    public static async Task<IReadOnlyList<Claim>?> PasskeyClaimsAsync(HttpContext context, string userId)
    {
        var accounts = context.RequestServices.GetRequiredService<AccountStore>();
        if (await accounts.FindByIdAsync(userId, context.RequestAborted) is not { } account)
        {
            return null;
        }

        return [new Claim(ClaimTypes.Name, account.Username), .. RoleClaims(account)];
    }
}
