using Mfa.Core;
using Mfa.Core.Policy;
using Mfa.Core.Service;
using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.SignIn;
using Mfa.WebAuthn;
using Microsoft.AspNetCore.Mvc;

namespace Mfa.Sample.Web.Pages.Account;

internal sealed class SignInModel(AccountStore accounts, IMfaService mfa, SampleSignIn signIn) : SamplePageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await accounts.CheckPasswordAsync(Username, Password, cancellationToken);
        if (account is null)
        {
            Error = "Wrong username or password.";
            return Page();
        }

        var status = await mfa.GetStatusAsync(new MfaUser(account.Id, account.Username), cancellationToken);
        if (status.Authenticators.Count == 0)
        {
            // Nothing to ask for: in with the password; a user who must use MFA is sent to set it up first.
            await SampleSignIn.SignInWithPasswordOnlyAsync(HttpContext, account);
            if (status.Requirement == MfaRequirement.Required)
            {
                Flash("Your administrator requires a second factor: set one up now.");
                return Redirect("/Security");
            }

            return Redirect(SafeReturnUrl(ReturnUrl));
        }

        await SampleSignIn.SignInMfaPendingAsync(HttpContext, account);
        return Redirect("/Account/Mfa?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(ReturnUrl)));
    }

    public async Task<IActionResult> OnPostPasskeyBeginAsync(CancellationToken cancellationToken)
    {
        var begun = await mfa.BeginDiscoverableChallengeAsync(new WebAuthnChallengeRequest(MfaPurpose.SignIn), HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return begun.Succeeded
            ? new JsonResult(new { challengeId = begun.ChallengeId, options = begun.Prompt.Options })
            : ErrorJson(SampleMessages.For(begun.FailureReason, begun.RetryAfter));
    }

    public async Task<IActionResult> OnPostPasskeyCompleteAsync([FromBody] CeremonyPost post, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(post.Id))
        {
            return ErrorJson(SampleMessages.For(MfaFailureReason.MalformedInput));
        }

        var result = await mfa.CompleteDiscoverableChallengeAsync(post.Id, MfaPurpose.SignIn, new WebAuthnChallengeResponse(post.Response.GetRawText()), cancellationToken);
        if (!result.Succeeded || await accounts.FindByIdAsync(result.UserId, cancellationToken) is not { } account)
        {
            return ErrorJson(SampleMessages.For(result.FailureReason, result.RetryAfter));
        }

        await signIn.SignInWithMfaAsync(HttpContext, account, result, passwordUsed: false);
        return RedirectJson(SafeReturnUrl(post.ReturnUrl));
    }
}
