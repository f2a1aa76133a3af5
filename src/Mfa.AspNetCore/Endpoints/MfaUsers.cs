using Mfa.Core;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Builds the <see cref="MfaUser"/> the service gets from a session.</summary>
internal static class MfaUsers
{
    public static MfaUser Create(string id, string displayName, DateTimeOffset? lastVerifiedAt)
    {
        _ = lastVerifiedAt; // TODO(#15): MfaUser.LastVerifiedAt once the corehard branch lands (shared decision 1).
        return new MfaUser(id, displayName);
    }
}
