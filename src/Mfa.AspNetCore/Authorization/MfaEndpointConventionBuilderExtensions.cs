using Mfa.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Step-up as an endpoint convention: <c>app.MapPost("/password", …).RequireRecentMfa(TimeSpan.FromMinutes(5))</c>.</summary>
public static class MfaEndpointConventionBuilderExtensions
{
    /// <summary>Requires a session whose MFA is no older than <paramref name="maxAge"/>.</summary>
    /// <typeparam name="TBuilder">The convention builder.</typeparam>
    /// <param name="builder">The endpoint(s).</param>
    /// <param name="maxAge">The oldest MFA accepted.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireRecentMfa<TBuilder>(this TBuilder builder, TimeSpan maxAge)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        return builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRecentMfa(maxAge));
    }

    /// <summary>Requires a session that completed MFA.</summary>
    /// <typeparam name="TBuilder">The convention builder.</typeparam>
    /// <param name="builder">The endpoint(s).</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireMfa<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(MfaAuthorizationDefaults.RequireMfaPolicy);
    }
}
