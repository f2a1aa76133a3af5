using Mfa.Core.Service;
using Mfa.WebAuthn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Enroll a security key (cross-platform) or this device's authenticator (platform): two buttons.</summary>
internal sealed class WebAuthnModel(IMfaService mfa) : SamplePageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await StepUpForFactorChangeAsync(mfa, "/Security/WebAuthn", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostBeginAsync([FromBody] CeremonyPost post, CancellationToken cancellationToken)
    {
        if (await StepUpForFactorChangeAsync(mfa, "/Security/WebAuthn", cancellationToken) is not null)
        {
            return RedirectJson("/Security/WebAuthn");
        }

        var kind = post.Kind == "device" ? WebAuthnAuthenticatorKind.Device : WebAuthnAuthenticatorKind.SecurityKey;
        var name = string.IsNullOrWhiteSpace(post.Name) ? null : post.Name.Trim();
        var begun = await mfa.BeginEnrollmentAsync(CurrentMfaUser(), new WebAuthnEnrollmentRequest(kind) { Name = name }, cancellationToken);
        return begun.Succeeded
            ? new JsonResult(new { enrollmentId = begun.EnrollmentId, options = begun.Prompt.Options })
            : ErrorJson(SampleMessages.For(begun.FailureReason, begun.RetryAfter));
    }

    public async Task<IActionResult> OnPostCompleteAsync([FromBody] CeremonyPost post, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(post.Id))
        {
            return ErrorJson("Please start again.");
        }

        var result = await mfa.CompleteEnrollmentAsync(CurrentMfaUser(), post.Id, new WebAuthnEnrollmentResponse(post.Response.GetRawText()), cancellationToken);
        if (!result.Succeeded)
        {
            return ErrorJson(SampleMessages.For(result.FailureReason, result.RetryAfter));
        }

        Flash($"\u201c{result.Authenticator.Name}\u201d is set up.");
        return RedirectJson("/Security");
    }
}
