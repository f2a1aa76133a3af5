using Mfa.Push.Jose;

namespace Mfa.Push;

/// <summary>The device-time checks shared by enrollment, update and response tokens (push spec §3.4 step 5, §6 step 8).</summary>
internal static class TokenTimes
{
    public static bool TryRead(Claims claims, out long iat, out long exp)
    {
        exp = 0;
        return claims.TryGetInt64("iat", out iat) && claims.TryGetInt64("exp", out exp);
    }

    /// <summary><c>now - skew &lt;= iat &lt;= now + skew</c>, <c>exp &gt;= now - skew</c>, <c>0 &lt;= exp - iat &lt;= maxLifetime</c>.</summary>
    public static bool IsFresh(long iat, long exp, DateTimeOffset now, TimeSpan skew, TimeSpan maxLifetime)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        var skewSeconds = (long)skew.TotalSeconds;
        return iat >= nowSeconds - skewSeconds
            && iat <= nowSeconds + skewSeconds
            && exp >= nowSeconds - skewSeconds
            && exp >= iat
            && exp - iat <= (long)maxLifetime.TotalSeconds;
    }
}
