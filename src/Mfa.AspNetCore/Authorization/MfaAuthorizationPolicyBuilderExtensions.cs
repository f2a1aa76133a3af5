using Mfa.AspNetCore.Authorization;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>MFA requirements for authorization policies.</summary>
public static class MfaAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires a session that completed MFA.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireMfa(this AuthorizationPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new RecentMfaRequirement(null));
    }

    /// <summary>Requires a session whose MFA is no older than <paramref name="maxAge"/> (step-up for sensitive actions).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="maxAge">The oldest MFA accepted.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireRecentMfa(this AuthorizationPolicyBuilder builder, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero);
        return builder.AddRequirements(new RecentMfaRequirement(maxAge));
    }
}
