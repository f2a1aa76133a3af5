using Mfa.Core;
using Mfa.Core.Service;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Security;

/// <summary>The user's sign-in methods: list, rename, remove, and links to add each kind.</summary>
internal sealed class IndexModel(IMfaService mfa, SampleKinds kinds) : SamplePageModel
{
    public MfaUserStatus? Status { get; private set; }

    public IReadOnlyDictionary<string, string> Kinds { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(string id, string? name, CancellationToken cancellationToken)
    {
        if (!HasRecentMfa())
        {
            return StepUpRedirect("manage-factors", "/Security");
        }

        var result = await mfa.RenameAuthenticatorAsync(CurrentMfaUser(), id, name ?? string.Empty, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.FailureReason == MfaFailureReason.MalformedInput ? "Names are 1 to 64 characters, without control characters." : SampleMessages.For(result.FailureReason);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash("Renamed.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (!HasRecentMfa())
        {
            return StepUpRedirect("manage-factors", "/Security");
        }

        var result = await mfa.RemoveAuthenticatorAsync(CurrentMfaUser(), id, cancellationToken);
        if (!result.Succeeded)
        {
            Error = SampleMessages.For(result.FailureReason);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash($"Removed \u201c{result.Authenticator.Name}\u201d.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Status = await mfa.GetStatusAsync(CurrentMfaUser(), cancellationToken);
        Kinds = await kinds.DescribeAsync(UserId, cancellationToken);
    }
}
