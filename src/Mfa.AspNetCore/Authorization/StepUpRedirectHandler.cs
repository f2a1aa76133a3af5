using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.Authorization;

/// <summary>
/// When <see cref="MfaAspNetCoreOptions.StepUpPath"/> is set and a signed-in browser fails only MFA requirements
/// (<c>RequireMfa</c>, <c>RequireRecentMfa</c>), sends it to that page with <c>stepUp</c> (an action name for the
/// step-up purpose) and <c>returnUrl</c> (the local path and query it asked for) instead of "access denied".
/// Everything else — other failed requirements, requests that do not accept HTML, no path configured — is ASP.NET
/// Core's default handling.
/// </summary>
internal sealed class StepUpRedirectHandler(IOptionsMonitor<MfaAspNetCoreOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private const int MaxActionLength = 64;

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (options.CurrentValue.StepUpPath is { } stepUpPath
            && authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure is { FailedRequirements: var failed }
            && failed.Any()
            && failed.All(r => r is RecentMfaRequirement)
            && AcceptsHtml(context.Request))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            var separator = stepUpPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            context.Response.Redirect($"{stepUpPath}{separator}stepUp={Action(context.Request.Path)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The step-up purpose's action, from the path: <c>/Security/Password</c> → <c>security-password</c>.</summary>
    internal static string Action(PathString path)
    {
        var segments = (path.Value ?? string.Empty)
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new string([.. s.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant())
            .Where(s => s.Length > 0);
        var action = string.Join('-', segments);
        return action.Length == 0 ? "session" : action[..Math.Min(action.Length, MaxActionLength)];
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
