namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll a security key (cross-platform) or this device's authenticator (platform): two buttons, <c>mfa.js</c>.</summary>
internal sealed class WebAuthnModel : SamplePageModel
{
    public void OnGet()
    {
    }
}
