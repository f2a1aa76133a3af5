using Mfa.Core;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Builds the <see cref="MfaUser"/> the service gets from a session.</summary>
internal static class MfaUsers
{
    public static MfaUser Create(string id, string displayName, DateTimeOffset? lastVerifiedAt)
    {
        // Core's recent-proof rule reads it: factor changes need MFA in this session within MfaOptions.RecentVerificationMaxAge.
        return new MfaUser(id, displayName) { LastVerifiedAt = lastVerifiedAt };
    }
}
