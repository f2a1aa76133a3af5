using Mfa.Sample.Web.SignIn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

internal sealed class SignOutModel : SamplePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await SampleSignIn.SignOutAsync(HttpContext);
        Flash("You are signed out.");
        return Redirect("/");
    }
}
