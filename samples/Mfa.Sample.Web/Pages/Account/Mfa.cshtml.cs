using Mfa.Core;
using Mfa.Duo;
using Microsoft.Extensions.Options;

namespace Mfa.Sample.Web.Pages.Account;

/// <summary>
/// The second step, for a sign-in (Mfa.AspNetCore's pending cookie) or a step-up of a signed-in session
/// (<c>?stepUp=ACTION</c>). The page itself is a shell: its script asks <c>/mfa/status</c> for the user's methods
/// (the pending cookie only reaches <c>/mfa</c>) and runs the chosen one with <c>mfa.js</c>.
/// </summary>
internal sealed class MfaModel(IOptions<DuoOptions> duoOptions) : SamplePageModel
{
    public string? ReturnUrl { get; private set; }

    /// <summary>The step-up action (<c>step-up:ACTION</c> purpose), or <see langword="null"/> for a sign-in.</summary>
    public string? StepUp { get; private set; }

    /// <summary>The Duo Auth API options the admin allows (<c>push,phone,passcode</c>), for the list of methods.</summary>
    public string DuoOptions { get; private set; } = string.Empty;

    /// <summary>A failure reason name sent back by the Duo callback (<c>?mfaError=Denied</c>).</summary>
    public string? MfaError { get; private set; }

    public void OnGet(string? returnUrl, string? stepUp, string? mfaError)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        StepUp = IsStepUpAction(stepUp) ? stepUp : null;
        MfaError = Enum.TryParse<MfaFailureReason>(mfaError, out var reason) && Enum.IsDefined(reason) ? reason.ToString() : null;
        var allowed = duoOptions.Value.AllowedAuthOptions;
        DuoOptions = string.Join(',', new[] { DuoAuthOptions.Push, DuoAuthOptions.Phone, DuoAuthOptions.Passcode }
            .Where(o => allowed.HasFlag(o))
            .Select(o => o.ToString().ToLowerInvariant()));
    }

    private static bool IsStepUpAction(string? action)
    {
        if (string.IsNullOrEmpty(action))
        {
            return false;
        }

        try
        {
            _ = MfaPurpose.StepUp(action);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
