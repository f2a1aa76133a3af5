using Mfa.Core.Service;
using Mfa.Sample.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Change the password: a sensitive action, so a user with a second factor confirms with it first (step-up).</summary>
internal sealed class PasswordModel(IMfaService mfa, AccountStore accounts) : SamplePageModel
{
    private const string ReturnUrl = "/Security/Password";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await StepUpAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? current, string? password, CancellationToken cancellationToken)
    {
        if (await StepUpAsync(cancellationToken) is { } stepUp)
        {
            return stepUp;
        }

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

    private async Task<IActionResult?> StepUpAsync(CancellationToken cancellationToken)
    {
        var enrolled = await mfa.ListAuthenticatorsAsync(UserId, cancellationToken);
        return enrolled.Count > 0 && !HasRecentMfa() ? StepUpRedirect("password-change", ReturnUrl) : null;
    }
}
