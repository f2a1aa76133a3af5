using System.Globalization;
using System.Security.Claims;

namespace Mfa.AspNetCore.Authentication;

/// <summary>Reads the MFA claims of a principal.</summary>
internal static class MfaClaims
{
    /// <summary>When the session last completed MFA: an <c>amr</c> of <c>mfa</c> and a readable <c>mfa_time</c>, else <see langword="null"/>.</summary>
    public static DateTimeOffset? GetMfaTime(ClaimsPrincipal? user)
    {
        if (user is null || !user.HasClaim(MfaClaimTypes.Amr, "mfa"))
        {
            return null;
        }

        var value = user.FindFirst(MfaClaimTypes.MfaTime)?.Value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253_402_300_799L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}
