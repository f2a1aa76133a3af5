namespace Mfa.Totp.Codes;

/// <summary>The parameters a TOTP generator and verifier share (RFC 6238 §4).</summary>
public readonly record struct TotpParameters
{
    /// <summary>Creates parameters.</summary>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, 6 to 8.</param>
    /// <param name="periodSeconds">The time step X in seconds, 1 to 3600.</param>
    /// <param name="t0">The Unix time T0 to count steps from.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public TotpParameters(TotpAlgorithm algorithm = TotpAlgorithm.Sha1, int digits = 6, int periodSeconds = 30, long t0 = 0)
    {
        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(digits, Hotp.MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, Hotp.MaxDigits);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periodSeconds, 3600);
        ArgumentOutOfRangeException.ThrowIfNegative(t0);
        Algorithm = algorithm;
        Digits = digits;
        PeriodSeconds = periodSeconds;
        T0 = t0;
    }

    /// <summary>The parameters every authenticator app supports: SHA-1, 6 digits, 30 seconds, T0 = 0.</summary>
    public static TotpParameters Default => new(TotpAlgorithm.Sha1, 6, 30, 0);

    /// <summary>The HMAC hash.</summary>
    public TotpAlgorithm Algorithm { get; }

    /// <summary>The code length.</summary>
    public int Digits { get; }

    /// <summary>The time step X, in seconds.</summary>
    public int PeriodSeconds { get; }

    /// <summary>The Unix time T0 steps are counted from.</summary>
    public long T0 { get; }

    /// <summary>The time step T = floor((unixTime - T0) / X) (RFC 6238 §4.2).</summary>
    /// <param name="unixSeconds">The Unix time in seconds.</param>
    /// <returns>The step; negative before T0.</returns>
    public long TimeStepAt(long unixSeconds)
    {
        var elapsed = unixSeconds - T0;
        return elapsed >= 0 ? elapsed / PeriodSeconds : ((elapsed + 1) / PeriodSeconds) - 1;
    }
}
