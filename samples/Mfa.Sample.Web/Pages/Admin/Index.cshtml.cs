using Mfa.Core;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;
using Mfa.Sample.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Admin;

/// <summary>
/// The directory admin's page: every user with requirement, factors (with kinds), last use and lockout; require MFA,
/// unlock, rename, delete (refused when it would lock the user out, unless confirmed); and the Duo emulator's script.
/// </summary>
internal sealed class IndexModel(IMfaService mfa, AccountStore accounts, IServiceProvider services) : SamplePageModel
{
    public IReadOnlyList<AdminUserRow> Users { get; private set; } = [];

    /// <summary>Set when a delete was refused: the user and authenticator to offer a forced delete for.</summary>
    public (string UserId, string AuthenticatorId, string Name, string Username)? LockoutWarning { get; private set; }

    public DuoEmulator? Duo => services.GetService<DuoEmulator>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRequireAsync(string userId, string requirement, CancellationToken cancellationToken)
    {
        MfaRequirement? value = requirement switch
        {
            "required" => MfaRequirement.Required,
            "optional" => MfaRequirement.Optional,
            _ => null,
        };
        await mfa.Administration.SetRequirementAsync(userId, value, cancellationToken);
        Flash("Requirement updated.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken)
    {
        await mfa.Administration.UnlockAsync(userId, cancellationToken);
        Flash("Unlocked.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(string userId, string authenticatorId, string? name, CancellationToken cancellationToken)
    {
        var result = await mfa.Administration.RenameAuthenticatorAsync(userId, authenticatorId, name ?? string.Empty, cancellationToken);
        Flash(result.Succeeded ? "Renamed." : SampleMessages.For(result.FailureReason));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string userId, string authenticatorId, bool force, CancellationToken cancellationToken)
    {
        var result = await mfa.Administration.RemoveAuthenticatorAsync(userId, authenticatorId, force, cancellationToken);
        if (result.FailureReason == MfaFailureReason.LastAuthenticator)
        {
            var account = await accounts.FindByIdAsync(userId, cancellationToken);
            var name = (await mfa.ListAuthenticatorsAsync(userId, cancellationToken)).FirstOrDefault(a => a.Id == authenticatorId)?.Name ?? "this method";
            LockoutWarning = (userId, authenticatorId, name, account?.Username ?? userId);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash(!result.Succeeded
            ? SampleMessages.For(result.FailureReason)
            : result.UserLockedOut
                ? $"Deleted \u201c{result.Authenticator.Name}\u201d. The user has no method left and is now locked out until they get help."
                : $"Deleted \u201c{result.Authenticator.Name}\u201d.");
        return RedirectToPage();
    }

    /// <summary>Scripts the Duo emulator: the verdict of every user's Duo Push / Universal Prompt, or an outage.</summary>
    public async Task<IActionResult> OnPostDuoAsync(string? outcome, string? outage, CancellationToken cancellationToken)
    {
        if (Duo is { } duo)
        {
            if (Enum.TryParse<DuoEmulatorOutage>(outage, ignoreCase: true, out var down))
            {
                duo.Outage = down;
            }

            if (Enum.TryParse<DuoEmulatorOutcome>(outcome, ignoreCase: true, out var verdict))
            {
                foreach (var account in await accounts.ListAsync(cancellationToken))
                {
                    if (duo.GetUser(account.Username) is { } user)
                    {
                        user.Outcome = verdict;
                    }
                }
            }
        }

        Flash("Duo emulator updated.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<AdminUserRow>();
        foreach (var account in await accounts.ListAsync(cancellationToken))
        {
            var status = await mfa.GetStatusAsync(new MfaUser(account.Id, account.Username), cancellationToken);
            rows.Add(new AdminUserRow(account, status));
        }

        Users = rows;
    }
}
