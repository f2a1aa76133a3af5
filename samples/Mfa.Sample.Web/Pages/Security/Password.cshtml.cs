using Mfa.Sample.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>
/// Change the password: a sensitive action, so the page's policy asks for an MFA within the last five minutes
/// (<c>RequireRecentMfa</c>); a session without one is sent to confirm first (step-up) and comes back.
/// </summary>
internal sealed class PasswordModel(AccountStore accounts) : SamplePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? password, CancellationToken cancellationToken)
    {
        if (await accounts.CheckPasswordAsync(User.Identity?.Name ?? string.Empty, current ?? string.Empty, cancellationToken) is null)
        {
            Error = "Your current password is not right.";
            return Page();
        }

        Error = AccountStore.CheckNewPassword(password);
        if (Error is not null)
        {
            return Page();
        }

        await accounts.SetPasswordAsync(UserId, password!, cancellationToken);
        Flash("Your password was changed.");
        return Redirect("/Security");
    }
}
