using Mfa.AspNetCore;
using Mfa.AspNetCore.Authentication;
using Mfa.AspNetCore.Authorization;
using Mfa.AspNetCore.Endpoints;
using Mfa.AspNetCore.Factors;
using Mfa.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The web integration's entry point: <c>services.AddMfa(…).AddAspNetCore(o => …)</c>.</summary>
public static class AspNetCoreMfaBuilderExtensions
{
    /// <summary>
    /// Adds what <c>app.MapMfaEndpoints("/mfa")</c> needs: the "MFA pending" cookie scheme, antiforgery, the rate-limiter
    /// policies, the <see cref="MfaAuthorizationDefaults.RequireMfaPolicy"/> policy and the step-up handler.
    /// </summary>
    /// <param name="builder">The MFA builder.</param>
    /// <param name="configure">Configures <see cref="MfaAspNetCoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The host adds its own sign-in scheme (<c>AddAuthentication(…).AddCookie()</c>, or Identity) and calls <c>app.UseRateLimiter()</c>.</remarks>
    public static IMfaBuilder AddAspNetCore(this IMfaBuilder builder, Action<MfaAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<MfaAspNetCoreOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MfaAspNetCoreOptions>, MfaAspNetCoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MfaEndpointRoutes>();
        services.TryAddSingleton<PendingLookups>();
        services.TryAddSingleton<FactorBindings>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, RecentMfaHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<CookieAuthenticationOptions>, PendingCookieConfiguration>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, MfaRateLimiterConfiguration>());
        services.AddAntiforgery();
        services.AddDistributedMemoryCache();
        services.AddAuthorizationBuilder().AddPolicy(MfaAuthorizationDefaults.RequireMfaPolicy, p => p.RequireAuthenticatedUser().RequireMfa());

        // The step-up redirect (MfaAspNetCoreOptions.StepUpPath) replaces ASP.NET Core's default result handler, never a host's own.
        var resultHandler = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (resultHandler is null || resultHandler.ImplementationType == typeof(AuthorizationMiddlewareResultHandler))
        {
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, StepUpRedirectHandler>();
        }

        // The pending scheme is a plain cookie scheme under its own name; it is never the default scheme.
        services.AddAuthentication().AddCookie(MfaAuthenticationDefaults.PendingScheme);
        services.AddRateLimiter(_ => { });
        return builder;
    }
}
