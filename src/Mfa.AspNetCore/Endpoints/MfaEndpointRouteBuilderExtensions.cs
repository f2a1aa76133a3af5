using Mfa.AspNetCore;
using Mfa.AspNetCore.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MFA JSON endpoints (<c>docs/aspnetcore.md</c> lists every route).</summary>
public static class MfaEndpointRouteBuilderExtensions
{
    /// <summary>Maps the MFA endpoints under <paramref name="prefix"/>.</summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix; the "MFA pending" cookie is sent only below it.</param>
    /// <returns>The route group, to add conventions to.</returns>
    public static RouteGroupBuilder MapMfaEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/mfa")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException("The prefix starts with '/'.", nameof(prefix));
        }

        var services = endpoints.ServiceProvider;
        var routes = services.GetService<MfaEndpointRoutes>()
            ?? throw new InvalidOperationException("Call services.AddMfa(…).AddAspNetCore() before MapMfaEndpoints.");
        routes.Prefix = prefix.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        var options = services.GetRequiredService<IOptions<MfaAspNetCoreOptions>>().Value;
        var group = endpoints.MapGroup(prefix);
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
        var serveSelfTest = options.ServeSelfTest ?? development;
        MfaEndpointMap.Map(group, options, serveSelfTest);
        ((IEndpointConventionBuilder)group).Add(StoreFaultGuard.Apply);
        if (serveSelfTest)
        {
            // Also where the page lived as a static asset, beside mfa.js (end-to-end suites written against that path).
            endpoints.MapGet("/_content/Mfa.AspNetCore/mfa.test.html", SelfTestEndpoint.HandleAsync);
        }

        return group;
    }
}
