using Mfa.Core.Service;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>Generate recovery codes (shown once; the old set stops working).</summary>
internal sealed class RecoveryCodesModel(IMfaService mfa) : SamplePageModel
{
    public IReadOnlyList<string>? Codes { get; private set; }

    public int Remaining { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Remaining = (await mfa.GetStatusAsync(CurrentMfaUser(), cancellationToken)).RecoveryCodesRemaining;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StepUpForFactorChangeAsync(mfa, "/Security/RecoveryCodes", cancellationToken) is { } stepUp)
        {
            return stepUp;
        }

        Codes = (await mfa.GenerateRecoveryCodesAsync(CurrentMfaUser(), cancellationToken)).Codes;
        return Page();
    }
}
