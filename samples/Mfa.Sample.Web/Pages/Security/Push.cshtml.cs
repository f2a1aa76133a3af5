using Mfa.Core.Service;
using Mfa.Push.Factor;
using Mfa.Totp.KeyUri;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll a phone for push: the QR code (and its link, for the sample's phone page).</summary>
internal sealed class PushModel(IMfaService mfa) : SamplePageModel
{
    public string? EnrollmentUri { get; private set; }

    public string? QrSvg => EnrollmentUri is null ? null : TotpQrCode.ToSvg(EnrollmentUri, 4);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await StepUpForFactorChangeAsync(mfa, "/Security/Push", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostBeginAsync(string? name, CancellationToken cancellationToken)
    {
        if (await StepUpForFactorChangeAsync(mfa, "/Security/Push", cancellationToken) is { } stepUp)
        {
            return stepUp;
        }

        var begun = await mfa.BeginEnrollmentAsync(
            CurrentMfaUser(),
            new PushEnrollmentRequest { Name = string.IsNullOrWhiteSpace(name) ? "Phone" : name.Trim(), AccountLabel = User.Identity?.Name },
            cancellationToken);
        if (!begun.Succeeded)
        {
            Error = SampleMessages.For(begun.FailureReason, begun.RetryAfter);
            return Page();
        }

        EnrollmentUri = begun.Prompt.EnrollmentUri;
        return Page();
    }
}
