
namespace Mfa.Totp.Codes;

/// <summary>TOTP (RFC 6238): HOTP with the counter T = floor((unixTime - T0) / X).</summary>
public static class TotpCode
{
    /// <summary>Computes the code for a time.</summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="time">The time.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The code, zero-padded to <see cref="TotpParameters.Digits"/> characters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The time is before T0.</exception>
    public static string Generate(ReadOnlySpan<byte> key, DateTimeOffset time, TotpParameters parameters)
    {
        var step = parameters.TimeStepAt(time.ToUnixTimeSeconds());
        ArgumentOutOfRangeException.ThrowIfNegative(step, nameof(time));
        return Hotp.Format(Hotp.ComputeCode(key, step, parameters.Algorithm, parameters.Digits), parameters.Digits);
    }
}
