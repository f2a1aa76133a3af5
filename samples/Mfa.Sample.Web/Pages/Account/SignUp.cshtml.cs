using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

internal sealed class SignUpModel(AccountStore accounts) : SamplePageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Error = AccountStore.CheckUsername(Username) ?? AccountStore.CheckNewPassword(Password);
        if (Error is not null)
        {
            return Page();
        }

        var account = await accounts.CreateAsync(Username!, Password!, cancellationToken);
        if (account is null)
        {
            Error = "That username is taken.";
            return Page();
        }

        await SampleSignIn.SignInWithPasswordOnlyAsync(HttpContext, account);
        Flash(account.IsAdmin
            ? "Welcome! You are this site's administrator. Set up a second factor to protect your account."
            : "Welcome! Set up a second factor to protect your account.");
        return Redirect("/Security");
    }
}
