using System.Globalization;
using System.Security.Claims;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Duo;
using Mfa.Sample.Web.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace Mfa.Sample.Web.SignIn;

/// <summary>
/// The two-step sign-in: the password issues the "MFA pending" cookie (<see cref="SignInMfaPendingAsync"/>), a verified
/// second factor upgrades it to the real sign-in with RFC 8176 <c>amr</c> claims and the time of the MFA.
/// </summary>
internal sealed class SampleSignIn(TimeProvider time)
{
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    /// <summary>After the password: a cookie that only the MFA pages accept.</summary>
    public static Task SignInMfaPendingAsync(HttpContext context, Account account)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id), new Claim(ClaimTypes.Name, account.Username)],
            SampleClaims.PendingScheme);
        return context.SignInAsync(SampleClaims.PendingScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>The user id of the pending sign-in, if any.</summary>
    public static async Task<string?> PendingUserIdAsync(HttpContext context)
    {
        var pending = await context.AuthenticateAsync(SampleClaims.PendingScheme);
        return pending.Succeeded ? pending.Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    /// <summary>Signs in with the password only (a user with no factor enrolled and MFA not required).</summary>
    public static Task SignInWithPasswordOnlyAsync(HttpContext context, Account account) => SignInAsync(context, account, ["pwd"], mfaAt: null);

    /// <summary>Signs in (or refreshes the session after a step-up) from a verified MFA result.</summary>
    public Task SignInWithMfaAsync(HttpContext context, Account account, MfaVerificationResult result, bool passwordUsed)
    {
        var amr = new List<string>();
        if (passwordUsed)
        {
            amr.Add("pwd");
        }

        amr.AddRange(MethodsOf(result));
        // A Duo fail-open or bypass proves no second factor: no "mfa" then (the details say so).
        var bypassed = result.GetDetails<DuoVerificationDetails>() is { DuoBypassed: true } or { PolicyBypassed: true };
        if (!bypassed)
        {
            amr.Add("mfa");
        }

        return SignInAsync(context, account, amr, bypassed ? null : result.VerifiedAt ?? time.GetUtcNow());
    }

    public static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SampleClaims.PendingScheme);
        await context.SignOutAsync(SampleClaims.Scheme);
    }

    /// <summary>When the session last completed MFA, from its claim.</summary>
    public static DateTimeOffset? MfaTime(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SampleClaims.MfaTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static IEnumerable<string> MethodsOf(MfaVerificationResult result)
    {
        switch (result.Kind)
        {
            case FactorKinds.Totp:
                yield return "otp";
                break;
            case FactorKinds.WebAuthn:
                yield return "hwk";
                break;
            case FactorKinds.Push:
                yield return "swk";
                break;
            case "recovery-code":
                yield return "kba";
                break;
            default:
                yield return result.Kind;
                break;
        }

        if (result.UserVerified)
        {
            yield return "user";
        }
    }

    private static async Task SignInAsync(HttpContext context, Account account, IEnumerable<string> amr, DateTimeOffset? mfaAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Username),
        };
        claims.AddRange(amr.Distinct(StringComparer.Ordinal).Select(m => new Claim(SampleClaims.Amr, m)));
        if (mfaAt is { } at)
        {
            claims.Add(new Claim(SampleClaims.MfaTime, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (account.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, SampleClaims.AdminRole));
        }

        await context.SignOutAsync(SampleClaims.PendingScheme);
        await context.SignInAsync(SampleClaims.Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, SampleClaims.Scheme)), new AuthenticationProperties { IsPersistent = false });
    }
}
