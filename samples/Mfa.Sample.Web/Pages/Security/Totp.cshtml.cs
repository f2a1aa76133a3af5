using Mfa.Core.Service;
using Mfa.Totp;
using Mfa.Totp.KeyUri;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll an authenticator app: QR code and secret, confirmed by a first code.</summary>
internal sealed class TotpModel(IMfaService mfa) : SamplePageModel
{
    [BindProperty]
    public string? EnrollmentId { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public string? Uri { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? QrSvg => Uri is null ? null : TotpQrCode.ToSvg(Uri, 5);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await StepUpForFactorChangeAsync(mfa, "/Security/Totp", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken)
    {
        if (await StepUpForFactorChangeAsync(mfa, "/Security/Totp", cancellationToken) is { } stepUp)
        {
            return stepUp;
        }

        var begun = await mfa.BeginEnrollmentAsync(CurrentMfaUser(), new TotpEnrollmentRequest { Name = string.IsNullOrWhiteSpace(Name) ? "Authenticator app" : Name.Trim(), AccountName = User.Identity?.Name }, cancellationToken);
        if (!begun.Succeeded)
        {
            Error = SampleMessages.For(begun.FailureReason, begun.RetryAfter);
            return Page();
        }

        EnrollmentId = begun.EnrollmentId;
        Secret = begun.Prompt.SecretBase32;
        Uri = begun.Prompt.Uri;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(EnrollmentId))
        {
            return RedirectToPage();
        }

        var result = await mfa.CompleteEnrollmentAsync(CurrentMfaUser(), EnrollmentId, new TotpEnrollmentResponse(code ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            Error = SampleMessages.For(result.FailureReason, result.RetryAfter);
            return Page();
        }

        Flash($"Your authenticator app \u201c{result.Authenticator.Name}\u201d is set up.");
        return Redirect("/Security");
    }
}
