using Mfa.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Mfa.Sample.Web.SignIn;

/// <summary>
/// When the only thing a signed-in user lacks is a (recent) MFA, sends them to confirm with a second factor and back,
/// instead of "access denied". Everything else is ASP.NET Core's default handling.
/// </summary>
internal sealed class StepUpRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure is { FailedRequirements: var failed }
            && failed.Any()
            && failed.All(r => r is RecentMfaRequirement))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"/Account/Mfa?stepUp={Action(context.Request.Path)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The step-up purpose's action, from the page: <c>/Security/Password</c> → <c>security-password</c>.</summary>
    private static string Action(PathString path) =>
        string.Join('-', (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => new string(s.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()).Where(s => s.Length > 0)) is { Length: > 0 } action
            ? action[..Math.Min(action.Length, 64)]
            : "session";
}
