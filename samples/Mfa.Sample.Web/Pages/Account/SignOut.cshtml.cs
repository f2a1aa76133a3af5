using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

internal sealed class SignOutModel : SamplePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutMfaPendingAsync();
        await HttpContext.SignOutAsync();
        Flash("You are signed out.");
        return Redirect("/");
    }
}
