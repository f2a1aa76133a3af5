namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll an authenticator app (QR code and secret, confirmed by a first code) through <c>mfa.js</c>.</summary>
internal sealed class TotpModel : SamplePageModel
{
    public void OnGet()
    {
    }
}
