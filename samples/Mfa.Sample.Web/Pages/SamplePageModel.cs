using System.Security.Claims;
using Mfa.Core;
using Mfa.Core.Service;
using Mfa.Sample.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Sample.Web.Pages;

/// <summary>What every page of the sample needs: the signed-in user as an <see cref="MfaUser"/>, messages, JSON answers.</summary>
internal abstract class SamplePageModel : PageModel
{
    /// <summary>Set by a handler to show an error above the form.</summary>
    public string? Error { get; set; }

    /// <summary>The signed-in user's id.</summary>
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>The signed-in user, with when this session last completed MFA (Core's recent-proof rule for factor changes).</summary>
    protected MfaUser CurrentMfaUser() =>
        new(UserId, User.FindFirstValue(ClaimTypes.Name) ?? UserId) { LastVerifiedAt = SampleSignIn.MfaTime(User) };

    /// <summary>Shows a message on the next page.</summary>
    protected void Flash(string message) => TempData["Message"] = message;

    /// <summary>A JSON answer for the page's script: go to <paramref name="url"/>.</summary>
    protected static JsonResult RedirectJson(string url) => new(new { redirect = url });

    /// <summary>A JSON answer for the page's script: show <paramref name="message"/>.</summary>
    protected static JsonResult ErrorJson(string message) => new(new { error = message });

    /// <summary>How recent the session's MFA must be for a sensitive action (as Core's <c>RecentVerificationMaxAge</c>).</summary>
    protected static TimeSpan RecentMfaMaxAge { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this session completed MFA within <see cref="RecentMfaMaxAge"/>.</summary>
    protected bool HasRecentMfa() =>
        SampleSignIn.MfaTime(User) is { } at && HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - at <= RecentMfaMaxAge;

    /// <summary>Sends the user to confirm with a second factor, then back to <paramref name="returnUrl"/>.</summary>
    protected RedirectResult StepUpRedirect(string action, string returnUrl) =>
        Redirect($"/Account/Mfa?stepUp={Uri.EscapeDataString(action)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>
    /// Adding a factor when the user already has one needs a recent MFA (Core's rule: a stale session could otherwise
    /// add an attacker's factor); the first one needs none.
    /// </summary>
    protected async Task<IActionResult?> StepUpForFactorChangeAsync(IMfaService mfa, string returnUrl, CancellationToken cancellationToken)
    {
        var existing = await mfa.ListAuthenticatorsAsync(UserId, cancellationToken);
        return existing.Count > 0 && !HasRecentMfa() ? StepUpRedirect("manage-factors", returnUrl) : null;
    }

    /// <summary>A local return URL, or <paramref name="fallback"/>.</summary>
    protected string SafeReturnUrl(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
