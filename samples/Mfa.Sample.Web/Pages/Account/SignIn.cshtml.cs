using Mfa.Core;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

/// <summary>
/// The first step: the password. A user with a second factor gets Mfa.AspNetCore's "MFA pending" cookie and goes on to
/// pick a method; the page also offers passkey sign-in (button and autofill) through <c>mfa.js</c>.
/// </summary>
internal sealed class SignInModel(AccountStore accounts, IMfaService mfa) : SamplePageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await accounts.CheckPasswordAsync(Username, Password, cancellationToken);
        if (account is null)
        {
            Error = "Wrong username or password.";
            return Page();
        }

        var status = await mfa.GetStatusAsync(new MfaUser(account.Id, account.Username), cancellationToken);
        if (status.Authenticators.Count == 0)
        {
            // Nothing to ask for: in with the password; a user who must use MFA is sent to set it up first.
            await SampleSignIn.SignInWithPasswordOnlyAsync(HttpContext, account);
            if (status.Requirement == MfaRequirement.Required)
            {
                Flash("Your administrator requires a second factor: set one up now.");
                return Redirect("/Security");
            }

            return Redirect(SafeReturnUrl(ReturnUrl));
        }

        // First factor done: the pending cookie reaches only /mfa, where the second factor upgrades it to the session.
        await HttpContext.SignInMfaPendingAsync(account.Id, account.Username, SampleSignIn.RoleClaims(account));
        return Redirect("/Account/Mfa?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(ReturnUrl)));
    }
}
