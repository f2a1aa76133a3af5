using System.Security.Cryptography;
using Mfa.Core;
using Mfa.Totp.Codes;
using Mfa.Totp.Verification;

namespace Mfa.Totp.CounterBased;

/// <summary>
/// THE place that decides whether an HOTP code matches (RFC 4226 §7.4): it computes the code of every counter in the
/// look-ahead window and compares each in constant time. The counter is advanced by the caller
/// (<see cref="HotpFactor"/> through the service) with the atomic, monotonic replay-guard store.
/// </summary>
/// <remarks>Allocation-free; the work done does not depend on which counter matched, or on whether any did.</remarks>
public static class HotpVerifier
{
    /// <summary>The largest look-ahead accepted for a single code.</summary>
    public const int MaxLookAhead = 100;

    /// <summary>The largest window accepted when resynchronising with two consecutive codes.</summary>
    public const int MaxResynchronizationWindow = 1000;

    /// <summary>The largest counter accepted (2^62): far above any token's life, and no window can overflow past it.</summary>
    public const long MaxCounter = 1L << 62;

    /// <summary>Checks a code against the counters <paramref name="counter"/> to <paramref name="counter"/> + <paramref name="lookAhead"/>.</summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="code">The code as the user typed it: exactly <paramref name="digits"/> ASCII digits (spaces are ignored).</param>
    /// <param name="counter">The next expected counter (one past the last accepted one).</param>
    /// <param name="lookAhead">How many counters past the expected one are accepted, 0 to <see cref="MaxLookAhead"/>.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, 6 to 8.</param>
    /// <returns>The earliest matched counter, or why it failed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counter, look-ahead or digits are out of range.</exception>
    public static HotpVerification Verify(ReadOnlySpan<byte> key, ReadOnlySpan<char> code, long counter, int lookAhead, TotpAlgorithm algorithm, int digits)
    {
        CheckArguments(counter, lookAhead, MaxLookAhead, digits);
        Span<byte> submitted = stackalloc byte[Hotp.MaxDigits];
        if (!TotpVerifier.TryReadCode(code, submitted[..digits]))
        {
            return new HotpVerification(MfaFailureReason.MalformedInput, 0, 0);
        }

        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        var earliest = -1L;

        // Every counter of the window, without an early exit: the time taken says nothing about which counter matched.
        for (var c = counter; c <= counter + lookAhead; c++)
        {
            Hotp.WriteAscii(Hotp.ComputeCode(key, c, algorithm, digits), candidate[..digits]);
            var first = CryptographicOperations.FixedTimeEquals(candidate[..digits], submitted[..digits]) && earliest < 0;
            earliest = first ? c : earliest;
        }

        CryptographicOperations.ZeroMemory(candidate);
        return earliest < 0
            ? new HotpVerification(MfaFailureReason.InvalidCode, 0, 0)
            : new HotpVerification(MfaFailureReason.None, earliest, earliest - counter);
    }

    /// <summary>
    /// Resynchronisation (RFC 4226 §7.4): checks that <paramref name="firstCode"/> and <paramref name="secondCode"/> are the codes
    /// of two consecutive counters, the first between <paramref name="counter"/> and <paramref name="counter"/> + <paramref name="window"/>.
    /// </summary>
    /// <param name="key">The shared secret.</param>
    /// <param name="firstCode">The first code the token showed.</param>
    /// <param name="secondCode">The next code the token showed.</param>
    /// <param name="counter">The next expected counter.</param>
    /// <param name="window">How far past the expected counter the first code may be, 0 to <see cref="MaxResynchronizationWindow"/>.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, 6 to 8.</param>
    /// <returns>The second code's counter (the new last accepted one) for the earliest matching pair, or why it failed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counter, window or digits are out of range.</exception>
    public static HotpVerification VerifyConsecutive(ReadOnlySpan<byte> key, ReadOnlySpan<char> firstCode, ReadOnlySpan<char> secondCode, long counter, int window, TotpAlgorithm algorithm, int digits)
    {
        CheckArguments(counter, window, MaxResynchronizationWindow, digits);
        Span<byte> first = stackalloc byte[Hotp.MaxDigits];
        Span<byte> second = stackalloc byte[Hotp.MaxDigits];
        if (!TotpVerifier.TryReadCode(firstCode, first[..digits]) || !TotpVerifier.TryReadCode(secondCode, second[..digits]))
        {
            return new HotpVerification(MfaFailureReason.MalformedInput, 0, 0);
        }

        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        var earliest = -1L;
        var previousMatchedFirst = false;

        // Counters counter .. counter + window + 1, each compared with both codes: no early exit, as above.
        for (var c = counter; c <= counter + window + 1; c++)
        {
            Hotp.WriteAscii(Hotp.ComputeCode(key, c, algorithm, digits), candidate[..digits]);
            var matchesSecond = CryptographicOperations.FixedTimeEquals(candidate[..digits], second[..digits]);
            var pair = previousMatchedFirst & matchesSecond & earliest < 0;
            earliest = pair ? c : earliest;
            previousMatchedFirst = CryptographicOperations.FixedTimeEquals(candidate[..digits], first[..digits]);
        }

        CryptographicOperations.ZeroMemory(candidate);
        return earliest < 0
            ? new HotpVerification(MfaFailureReason.InvalidCode, 0, 0)
            : new HotpVerification(MfaFailureReason.None, earliest, earliest - 1 - counter);
    }

    private static void CheckArguments(long counter, int window, int maxWindow, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counter, MaxCounter);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, maxWindow);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, Hotp.MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, Hotp.MaxDigits);
    }
}
