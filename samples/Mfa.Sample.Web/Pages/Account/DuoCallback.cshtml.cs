using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

/// <summary>Duo's redirect URI: hands the query (<c>duo_code</c>, <c>state</c> or <c>error</c>) to the MFA page.</summary>
internal sealed class DuoCallbackModel : SamplePageModel
{
    public IActionResult OnGet() => Redirect("/Account/Mfa?handler=DuoCallback&" + Request.QueryString.Value?.TrimStart('?'));
}
