using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Mfa.Totp.Codes;

/// <summary>HOTP (RFC 4226): HMAC over the 8-byte big-endian counter, dynamic truncation, reduction to N digits.</summary>
public static class Hotp
{
    /// <summary>The shortest code (RFC 4226 §5.3 requires at least 6).</summary>
    public const int MinDigits = 6;

    /// <summary>The longest code supported.</summary>
    public const int MaxDigits = 8;

    private const int MaxHashSize = 64;

    private static readonly int[] s_powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Computes the HOTP value for a counter (RFC 4226 §5.3).</summary>
    /// <param name="key">The shared secret K.</param>
    /// <param name="counter">The moving factor C.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The number of digits, 6 to 8.</param>
    /// <returns>The code as an integer below 10^digits (format it with leading zeros).</returns>
    public static int ComputeCode(ReadOnlySpan<byte> key, long counter, TotpAlgorithm algorithm, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
        return Truncate(key, counter, algorithm) % s_powersOfTen[digits];
    }

    /// <summary>Formats a code with leading zeros to exactly <paramref name="digits"/> characters.</summary>
    /// <param name="code">The code.</param>
    /// <param name="digits">The length.</param>
    /// <returns>The code text.</returns>
    public static string Format(int code, int digits) => code.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');

    /// <summary>Dynamic truncation (RFC 4226 §5.3): the 31-bit value at the offset named by the last nibble.</summary>
    internal static int Truncate(ReadOnlySpan<byte> key, long counter, TotpAlgorithm algorithm)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[MaxHashSize];
        var length = Mac(algorithm, key, message, hash);
        var offset = hash[length - 1] & 0x0F;
        return BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFF_FFFF;
    }

    /// <summary>Writes the ASCII digits of <paramref name="code"/>, zero-padded, into <paramref name="destination"/>.</summary>
    internal static void WriteAscii(int code, Span<byte> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (code % 10));
            code /= 10;
        }
    }

    [SuppressMessage("Security", "CA5350", Justification = "RFC 4226 and RFC 6238 define HMAC-SHA-1; HMAC-SHA-1 is not affected by SHA-1 collisions.")]
    private static int Mac(TotpAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination) => algorithm switch
    {
        TotpAlgorithm.Sha1 => HMACSHA1.HashData(key, message, destination),
        TotpAlgorithm.Sha256 => HMACSHA256.HashData(key, message, destination),
        TotpAlgorithm.Sha512 => HMACSHA512.HashData(key, message, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
