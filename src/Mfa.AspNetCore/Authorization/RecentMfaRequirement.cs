using Microsoft.AspNetCore.Authorization;

namespace Mfa.AspNetCore.Authorization;

/// <summary>Requires a session that completed MFA, optionally no longer ago than <see cref="MaxAge"/> (step-up).</summary>
/// <param name="maxAge">The oldest MFA accepted, or <see langword="null"/> for any.</param>
public sealed class RecentMfaRequirement(TimeSpan? maxAge) : IAuthorizationRequirement
{
    /// <summary>The oldest MFA accepted; <see langword="null"/>: any MFA of this session.</summary>
    public TimeSpan? MaxAge { get; } = maxAge;
}
