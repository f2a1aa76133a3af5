using System.Security.Claims;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Duo;
using Mfa.Duo.UniversalPrompt;
using Mfa.Push.Factor;
using Mfa.Sample.Web.Accounts;
using Mfa.Sample.Web.SignIn;
using Mfa.Totp;
using Mfa.WebAuthn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mfa.Sample.Web.Pages.Account;

/// <summary>
/// The second step, for a sign-in (the "MFA pending" cookie) or a step-up of a signed-in session (<c>?stepUp=ACTION</c>):
/// a list of the user's enrolled methods to pick from, then that method's challenge.
/// </summary>
internal sealed class MfaModel(IMfaService mfa, AccountStore accounts, SampleSignIn signIn, IOptions<DuoOptions> duoOptions, SampleKinds kinds) : SamplePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? StepUp { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Method { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Authenticator { get; set; }

    public IReadOnlyList<MfaChoice> Choices { get; private set; } = [];

    public MfaChoice? Chosen { get; private set; }

    /// <summary>An out-of-band challenge being waited for (push, Duo push or call).</summary>
    public string? WaitingChallengeId { get; private set; }

    /// <summary>The number to type on the phone.</summary>
    public string? DisplayNumber { get; private set; }

    public string QueryString => $"?returnUrl={Uri.EscapeDataString(ReturnUrl ?? "/")}" + (StepUp is null ? string.Empty : "&stepUp=" + Uri.EscapeDataString(StepUp));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await ResolveAsync(cancellationToken);
        if (user is null)
        {
            return Redirect("/Account/SignIn");
        }

        await LoadChoicesAsync(user.Value.Account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(string? code, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } user)
        {
            return Redirect("/Account/SignIn");
        }

        var mfaUser = ToMfaUser(user.Account);
        MfaVerificationResult result;
        if (Method == "recovery")
        {
            result = await mfa.RedeemRecoveryCodeAsync(mfaUser, code ?? string.Empty, user.Purpose, cancellationToken);
        }
        else
        {
            var begun = Method == "duo-passcode"
                ? await mfa.BeginChallengeAsync(mfaUser, (ChallengeRequest)new DuoChallengeRequest(user.Purpose, DuoChallengeMode.Passcode), cancellationToken)
                : await mfa.BeginChallengeAsync(mfaUser, new ChallengeRequest(FactorKinds.Totp, user.Purpose) { AuthenticatorId = Authenticator }, cancellationToken);
            if (!begun.Succeeded)
            {
                return await ShowErrorAsync(user, begun.FailureReason, begun.RetryAfter, cancellationToken);
            }

            ChallengeResponse response = Method == "duo-passcode" ? new DuoPasscodeResponse(code ?? string.Empty) : new TotpChallengeResponse(code ?? string.Empty);
            result = await mfa.CompleteChallengeAsync(mfaUser, begun.ChallengeId, user.Purpose, response, cancellationToken);
        }

        return await FinishAsync(user, result) is { } done ? Redirect(done) : await ShowErrorAsync(user, result.FailureReason, result.RetryAfter, cancellationToken);
    }

    public async Task<IActionResult> OnPostWebAuthnBeginAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } user)
        {
            return ErrorJson("Your sign-in expired. Please start again.");
        }

        var begun = await mfa.BeginChallengeAsync(ToMfaUser(user.Account), new WebAuthnChallengeRequest(user.Purpose) { AuthenticatorId = Authenticator }, cancellationToken);
        return begun.Succeeded
            ? new JsonResult(new { challengeId = begun.ChallengeId, options = begun.Prompt.Options })
            : ErrorJson(SampleMessages.For(begun.FailureReason, begun.RetryAfter));
    }

    public async Task<IActionResult> OnPostWebAuthnCompleteAsync([FromBody] CeremonyPost post, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } user || string.IsNullOrEmpty(post.Id))
        {
            return ErrorJson("Your sign-in expired. Please start again.");
        }

        var result = await mfa.CompleteChallengeAsync(ToMfaUser(user.Account), post.Id, user.Purpose, new WebAuthnChallengeResponse(post.Response.GetRawText()), cancellationToken);
        return await FinishAsync(user, result) is { } done ? RedirectJson(done) : ErrorJson(SampleMessages.For(result.FailureReason, result.RetryAfter));
    }

    /// <summary>Starts an out-of-band challenge: a push to the phone, Duo (Universal Prompt redirect, push or call).</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } user)
        {
            return Redirect("/Account/SignIn");
        }

        var mfaUser = ToMfaUser(user.Account);
        if (Method == "push")
        {
            var begun = await mfa.BeginChallengeAsync(
                mfaUser,
                new PushChallengeRequest(user.Purpose)
                {
                    Application = "Mfa.Sdk sample",
                    IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
                    UserAgent = Request.Headers.UserAgent.ToString(),
                    ClientKey = HttpContext.Connection.RemoteIpAddress?.ToString(),
                },
                cancellationToken);
            if (!begun.Succeeded)
            {
                return await ShowErrorAsync(user, begun.FailureReason, begun.RetryAfter, cancellationToken);
            }

            WaitingChallengeId = begun.ChallengeId;
            DisplayNumber = begun.Prompt.DisplayNumber;
            await LoadChoicesAsync(user.Account, cancellationToken);
            return Page();
        }

        var mode = Method switch
        {
            "duo-push" => DuoChallengeMode.Push,
            "duo-phone" => DuoChallengeMode.Phone,
            _ => DuoChallengeMode.UniversalPrompt,
        };
        var duo = await mfa.BeginChallengeAsync(mfaUser, new DuoChallengeRequest(user.Purpose, mode) { IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString() }, cancellationToken);
        if (!duo.Succeeded)
        {
            return await ShowErrorAsync(user, duo.FailureReason, duo.RetryAfter, cancellationToken);
        }

        if (mode == DuoChallengeMode.UniversalPrompt && duo.Prompt.AuthorizationUrl is { } url)
        {
            // Duo sends the browser back to /Account/DuoCallback with state = the challenge id.
            TempData["duo.returnUrl"] = ReturnUrl;
            TempData["duo.stepUp"] = StepUp;
            return Redirect(url.ToString());
        }

        // Auth API push or call, or Duo unreachable with failmode open: the page polls.
        WaitingChallengeId = duo.ChallengeId;
        await LoadChoicesAsync(user.Account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPollAsync([FromBody] CeremonyPost post, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is not { } user || string.IsNullOrEmpty(post.Id))
        {
            return ErrorJson("Your sign-in expired. Please start again.");
        }

        ChallengeResponse poll = Method == "push" ? PushPollResponse.Instance : new DuoPollResponse();
        var result = await mfa.CompleteChallengeAsync(ToMfaUser(user.Account), post.Id, user.Purpose, poll, cancellationToken);
        if (result.IsPending)
        {
            return new JsonResult(new { pending = true });
        }

        return await FinishAsync(user, result) is { } done ? RedirectJson(done) : ErrorJson(SampleMessages.For(result.FailureReason, result.RetryAfter));
    }

    /// <summary>Where Duo's Universal Prompt sends the browser back (<c>/Account/DuoCallback</c> forwards here).</summary>
    public async Task<IActionResult> OnGetDuoCallbackAsync(CancellationToken cancellationToken)
    {
        ReturnUrl = TempData["duo.returnUrl"] as string;
        StepUp = TempData["duo.stepUp"] as string;
        if (await ResolveAsync(cancellationToken) is not { } user)
        {
            return Redirect("/Account/SignIn");
        }

        if (!DuoCallback.TryParse(Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())), out var callback) || callback?.State is null)
        {
            return await ShowErrorAsync(user, MfaFailureReason.MalformedInput, null, cancellationToken, "Duo's answer could not be read. Please try again.");
        }

        var result = await mfa.CompleteChallengeAsync(ToMfaUser(user.Account), callback.State, user.Purpose, DuoCallbackResponse.From(callback), cancellationToken);
        return await FinishAsync(user, result) is { } done ? Redirect(done) : await ShowErrorAsync(user, result.FailureReason, result.RetryAfter, cancellationToken);
    }

    private static MfaUser ToMfaUser(Accounts.Account account) => new(account.Id, account.Username);

    private async Task<IActionResult> ShowErrorAsync(MfaContext user, MfaFailureReason reason, TimeSpan? retryAfter, CancellationToken cancellationToken, string? message = null)
    {
        Error = message ?? SampleMessages.For(reason, retryAfter);
        await LoadChoicesAsync(user.Account, cancellationToken);
        return Page();
    }

    /// <summary>On success, signs in (or refreshes the session's MFA time) and says where to go.</summary>
    private async Task<string?> FinishAsync(MfaContext user, MfaVerificationResult result)
    {
        if (!result.Proves(user.Account.Id, user.Purpose))
        {
            return null;
        }

        var passwordUsed = StepUp is null || User.HasClaim(SampleClaims.Amr, "pwd");
        await signIn.SignInWithMfaAsync(HttpContext, user.Account, result, passwordUsed);
        return SafeReturnUrl(ReturnUrl);
    }

    private async Task<MfaContext?> ResolveAsync(CancellationToken cancellationToken)
    {
        string? userId;
        MfaPurpose purpose;
        if (!string.IsNullOrEmpty(StepUp))
        {
            userId = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            try
            {
                purpose = MfaPurpose.StepUp(StepUp);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        else
        {
            userId = await SampleSignIn.PendingUserIdAsync(HttpContext);
            purpose = MfaPurpose.SignIn;
        }

        var account = userId is null ? null : await accounts.FindByIdAsync(userId, cancellationToken);
        return account is null ? null : new MfaContext(account, purpose);
    }

    private async Task LoadChoicesAsync(Accounts.Account account, CancellationToken cancellationToken)
    {
        var status = await mfa.GetStatusAsync(ToMfaUser(account), cancellationToken);
        var labels = await kinds.DescribeAsync(account.Id, cancellationToken);
        var choices = new List<MfaChoice>();
        foreach (var a in status.Authenticators)
        {
            switch (a.Kind)
            {
                case FactorKinds.Totp:
                    choices.Add(new("totp", a.Id, a.Name, "Authenticator app"));
                    break;
                case FactorKinds.WebAuthn:
                    choices.Add(new("webauthn", a.Id, a.Name, labels.GetValueOrDefault(a.Id, "Security key")));
                    break;
                case FactorKinds.Push when !choices.Exists(c => c.Method == "push"):
                    choices.Add(new("push", null, "Approve on your phone", "Push"));
                    break;
                case FactorKinds.Duo:
                    var allowed = duoOptions.Value.AllowedAuthOptions;
                    choices.Add(new("duo", a.Id, "Duo (Universal Prompt)", "Duo"));
                    if (allowed.HasFlag(DuoAuthOptions.Push))
                    {
                        choices.Add(new("duo-push", a.Id, "Duo Push", "Duo"));
                    }

                    if (allowed.HasFlag(DuoAuthOptions.Phone))
                    {
                        choices.Add(new("duo-phone", a.Id, "Duo phone call", "Duo"));
                    }

                    if (allowed.HasFlag(DuoAuthOptions.Passcode))
                    {
                        choices.Add(new("duo-passcode", a.Id, "Duo passcode", "Duo"));
                    }

                    break;
            }
        }

        if (status.RecoveryCodesRemaining > 0)
        {
            choices.Add(new("recovery", null, "Use a recovery code", "Recovery"));
        }

        Choices = choices;
        Chosen = choices.Find(c => c.Method == Method && (Authenticator is null || c.AuthenticatorId == Authenticator));
        if (status.IsLockedOut && Error is null)
        {
            Error = SampleMessages.For(MfaFailureReason.LockedOut, status.RetryAfter);
        }
    }

    private readonly record struct MfaContext(Accounts.Account Account, MfaPurpose Purpose);
}
