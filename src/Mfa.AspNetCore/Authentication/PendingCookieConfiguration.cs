using Mfa.AspNetCore.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mfa.AspNetCore.Authentication;

/// <summary>Configures the "MFA pending" cookie: short-lived, HttpOnly, Lax, and sent only to the MFA routes.</summary>
internal sealed class PendingCookieConfiguration(IOptions<MfaAspNetCoreOptions> options, MfaEndpointRoutes routes) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions cookie)
    {
        if (!string.Equals(name, MfaAuthenticationDefaults.PendingScheme, StringComparison.Ordinal))
        {
            return;
        }

        var o = options.Value;
        cookie.Cookie.Name = o.PendingCookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;

        // Options are built on first use, after MapMfaEndpoints recorded the prefix: the browser sends the cookie nowhere else.
        cookie.Cookie.Path = routes.Prefix;
        cookie.ExpireTimeSpan = o.PendingLifetime;
        cookie.SlidingExpiration = false;

        // An API cookie: never redirect to a login page.
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
