using Mfa.Core;

namespace Mfa.Testing;

/// <summary>Test shorthands for <see cref="MfaUser"/>.</summary>
public static class MfaUserExtensions
{
    /// <summary>The user as a host sees them right after a completed MFA verification (a recent proof for factor changes).</summary>
    /// <param name="user">The user.</param>
    /// <param name="time">The clock the service under test uses.</param>
    /// <returns>The user with <see cref="MfaUser.LastVerifiedAt"/> set to now.</returns>
    public static MfaUser JustVerified(this MfaUser user, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(time);
        return user with { LastVerifiedAt = time.GetUtcNow() };
    }
}
