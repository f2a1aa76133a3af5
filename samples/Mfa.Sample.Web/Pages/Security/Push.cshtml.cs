using Mfa.Totp.KeyUri;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll a phone for push (<c>mfa.js</c>): the QR code of the enrollment link, and the link for the phone page.</summary>
internal sealed class PushModel : SamplePageModel
{
    public void OnGet()
    {
    }

    /// <summary>The QR code of the enrollment link (posted, not in a URL: the link is a one-time secret).</summary>
    public IActionResult OnPostQr([FromBody] QrRequest request) =>
        string.IsNullOrEmpty(request.Text) || request.Text.Length > 2048
            ? BadRequest()
            : Content(TotpQrCode.ToSvg(request.Text, 4), "image/svg+xml");

    internal sealed record QrRequest(string? Text);
}
