using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mfa.Sample.Web.Pages;

/// <summary>What every page of the sample needs: the signed-in user's id and messages.</summary>
internal abstract class SamplePageModel : PageModel
{
    /// <summary>Set by a handler to show an error above the form.</summary>
    public string? Error { get; set; }

    /// <summary>The signed-in user's id.</summary>
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>A local return URL, or <paramref name="fallback"/>.</summary>
    public string SafeReturnUrl(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    /// <summary>Shows a message on the next page.</summary>
    protected void Flash(string message) => TempData["Message"] = message;
}
