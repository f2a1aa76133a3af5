using System.Security.Cryptography;
using System.Text;

namespace Mfa.Core.Recovery;

/// <summary>Makes, normalizes and hashes recovery codes. Codes are only ever stored as salted PBKDF2-SHA256 hashes.</summary>
internal static class RecoveryCodeHasher
{
    // Crockford-style alphabet without I, L, O, U: 32 symbols, 5 bits each, no look-alikes.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int HashSize = 32;
    public const int SaltSize = 16;

    public static string NewCode(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Shows a code in groups of five for reading aloud or copying (<c>ABCDE-FGHJK</c>).</summary>
    public static string Format(string code)
    {
        var builder = new StringBuilder(code.Length + (code.Length / 5));
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && i % 5 == 0)
            {
                builder.Append('-');
            }

            builder.Append(code[i]);
        }

        return builder.ToString();
    }

    /// <summary>Upper-cases and removes spaces and hyphens; returns null when anything else is outside the alphabet or the length is wrong.</summary>
    public static string? Normalize(string input, int length)
    {
        if (input.Length > length * 3)
        {
            return null;
        }

        var builder = new StringBuilder(length);
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == length ? builder.ToString() : null;
    }

    public static byte[] Hash(string normalizedCode, ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalizedCode), salt, iterations, HashAlgorithmName.SHA256, HashSize);
}
