using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Totp.Codes;

namespace Mfa.Totp.Verification;

/// <summary>
/// THE place that decides whether a TOTP code matches: parses the submitted code, computes the code of every step
/// in the window and compares in constant time. Replay protection (RFC 6238 §5.2) is applied by the caller
/// (<see cref="TotpFactor"/>) through the atomic replay-guard store, with the step returned here.
/// </summary>
/// <remarks>Allocation-free; the work done does not depend on which step matched, or on whether any did.</remarks>
public static class TotpVerifier
{
    /// <summary>The largest window accepted, in steps each side (RFC 6238 §5.2 recommends at most one).</summary>
    public const int MaxWindow = 10;

    /// <summary>Checks a code against the steps from <c>T - window</c> to <c>T + window</c> around <paramref name="now"/>.</summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="code">The code as the user typed it: exactly <see cref="TotpParameters.Digits"/> ASCII digits (spaces are ignored).</param>
    /// <param name="now">The verifier's time: always from a <see cref="TimeProvider"/>, never from the request.</param>
    /// <param name="parameters">The generator parameters.</param>
    /// <param name="window">Steps accepted each side of the current one, 0 to <see cref="MaxWindow"/>.</param>
    /// <returns>The earliest matched step and its drift (and every matched step), or why it failed.</returns>
    public static TotpVerification Verify(ReadOnlySpan<byte> key, ReadOnlySpan<char> code, DateTimeOffset now, TotpParameters parameters, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        var digits = parameters.Digits;
        Span<byte> submitted = stackalloc byte[Hotp.MaxDigits];
        if (!TryReadCode(code, submitted[..digits]))
        {
            return new TotpVerification(MfaFailureReason.MalformedInput, 0, 0);
        }

        var current = parameters.TimeStepAt(now.ToUnixTimeSeconds());
        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        var firstStep = Math.Max(0, current - window);
        var matches = 0;

        // Check every step of the window, without an early exit: the time taken says nothing about which step matched.
        for (var offset = -window; offset <= window; offset++)
        {
            var step = current + offset;
            if (step < 0)
            {
                continue;
            }

            Hotp.WriteAscii(Hotp.ComputeCode(key, step, parameters.Algorithm, digits), candidate[..digits]);
            var equal = CryptographicOperations.FixedTimeEquals(candidate[..digits], submitted[..digits]);
            matches |= (equal ? 1 : 0) << (int)(step - firstStep);
        }

        CryptographicOperations.ZeroMemory(candidate);
        if (matches == 0)
        {
            return new TotpVerification(MfaFailureReason.InvalidCode, 0, 0);
        }

        // The earliest matching step; a code matching several steps (two steps' codes colliding) reports them all, so the
        // replay guard can take the earliest one later than the last accepted step.
        var earliest = firstStep + System.Numerics.BitOperations.TrailingZeroCount(matches);
        return new TotpVerification(MfaFailureReason.None, earliest, (int)(earliest - current)) { FirstStep = firstStep, MatchMask = matches };
    }

    /// <summary>Reads exactly <c>destination.Length</c> ASCII digits, skipping spaces; false on anything else or a wrong count.</summary>
    internal static bool TryReadCode(ReadOnlySpan<char> code, Span<byte> destination)
    {
        if (code.Length > destination.Length * 2)
        {
            return false;
        }

        var count = 0;
        foreach (var c in code)
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == destination.Length)
            {
                return false;
            }

            destination[count++] = (byte)c;
        }

        return count == destination.Length;
    }
}
