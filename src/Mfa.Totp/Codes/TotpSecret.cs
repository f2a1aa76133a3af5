using System.Security.Cryptography;

namespace Mfa.Totp.Codes;

/// <summary>New TOTP secrets from a CSPRNG.</summary>
public static class TotpSecret
{
    /// <summary>The default secret size: 160 bits, the HMAC-SHA-1 output size RFC 4226 §4 recommends.</summary>
    public const int DefaultBytes = 20;

    /// <summary>The smallest generated secret (160 bits).</summary>
    public const int MinGeneratedBytes = 20;

    /// <summary>The largest secret accepted anywhere (512 bits).</summary>
    public const int MaxBytes = 64;

    /// <summary>Generates a secret.</summary>
    /// <param name="bytes">The size, 20 to 64 bytes.</param>
    /// <returns>The secret.</returns>
    public static byte[] Generate(int bytes = DefaultBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, MinGeneratedBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, MaxBytes);
        return RandomNumberGenerator.GetBytes(bytes);
    }
}
