using Mfa.Core.Service;
using Mfa.Duo;
using Mfa.Duo.Emulator;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Bind the account to a Duo user (with the emulator, the Duo user is created there first).</summary>
internal sealed class DuoModel(IMfaService mfa, IServiceProvider services) : SamplePageModel
{
    [BindProperty]
    public string? DuoUsername { get; set; }

    public bool Emulated => services.GetService<DuoEmulator>() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        DuoUsername = User.Identity?.Name;
        return await StepUpForFactorChangeAsync(mfa, "/Security/Duo", cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StepUpForFactorChangeAsync(mfa, "/Security/Duo", cancellationToken) is { } stepUp)
        {
            return stepUp;
        }

        var username = string.IsNullOrWhiteSpace(DuoUsername) ? User.Identity?.Name ?? UserId : DuoUsername.Trim();
        if (services.GetService<DuoEmulator>() is { } emulator && emulator.GetUser(username) is null)
        {
            emulator.AddUser(username).WithPasscode("123456");
        }

        var user = CurrentMfaUser();
        var begun = await mfa.BeginEnrollmentAsync(user, new DuoEnrollmentRequest { Username = username, Name = "Duo" }, cancellationToken);
        var result = begun.Succeeded ? await mfa.CompleteEnrollmentAsync(user, begun.EnrollmentId, new DuoEnrollmentResponse(), cancellationToken) : null;
        if (result is not { Succeeded: true })
        {
            Error = SampleMessages.For(result?.FailureReason ?? begun.FailureReason, result?.RetryAfter ?? begun.RetryAfter);
            return Page();
        }

        Flash("Duo is set up.");
        return Redirect("/Security");
    }
}
