using System.Security.Cryptography;

namespace Mfa.Duo.UniversalPrompt;

/// <summary>State and nonce values as spec §2.5 asks: CSPRNG, <c>[A-Za-z0-9]</c> only, 36 characters by default.</summary>
public static class DuoStateGenerator
{
    /// <summary>The default length.</summary>
    public const int DefaultLength = 36;

    /// <summary>The shortest state Duo accepts.</summary>
    public const int MinLength = 16;

    /// <summary>The longest state or nonce Duo accepts.</summary>
    public const int MaxLength = 1024;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A random alphanumeric string.</summary>
    /// <param name="length">Its length, 16 to 1024.</param>
    /// <returns>The value.</returns>
    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
