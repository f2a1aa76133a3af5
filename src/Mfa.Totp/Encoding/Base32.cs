using System.Diagnostics.CodeAnalysis;

namespace Mfa.Totp.Encoding;

/// <summary>
/// Base32 (RFC 4648 §6, and §7 base32hex). Decoding tolerates what people and apps produce — lowercase, spaces,
/// hyphens and missing padding — and rejects anything else with a clear, secret-free error.
/// </summary>
public static class Base32
{
    /// <summary>The longest input <see cref="TryDecode"/> reads, in characters (far above any OTP secret).</summary>
    public const int MaxInputLength = 4096;

    private const string StandardSymbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string HexSymbols = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    /// <summary>Encodes bytes.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="padding">Whether to append '=' padding to a multiple of 8 characters (otpauth URIs omit it).</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <returns>The upper-case encoding.</returns>
    public static string Encode(ReadOnlySpan<byte> data, bool padding = false, Base32Alphabet alphabet = Base32Alphabet.Standard)
    {
        var symbols = Symbols(alphabet);
        var length = ((data.Length * 8) + 4) / 5;
        var padded = padding ? (length + 7) / 8 * 8 : length;
        return string.Create(padded, (data.ToArray(), symbols, length), static (chars, state) =>
        {
            var (bytes, alphabetSymbols, dataChars) = state;
            var buffer = 0;
            var bits = 0;
            var index = 0;
            foreach (var b in bytes)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    bits -= 5;
                    chars[index++] = alphabetSymbols[(buffer >> bits) & 0x1F];
                }
            }

            if (bits > 0)
            {
                chars[index++] = alphabetSymbols[(buffer << (5 - bits)) & 0x1F];
            }

            chars[dataChars..].Fill('=');
        });
    }

    /// <summary>Decodes Base32 text.</summary>
    /// <param name="text">The text: case-insensitive; spaces and hyphens ignored; padding optional.</param>
    /// <param name="bytes">The decoded bytes on success.</param>
    /// <param name="error">Why decoding failed (never echoes the input).</param>
    /// <param name="alphabet">The alphabet.</param>
    /// <returns>Whether the text decoded.</returns>
    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error, Base32Alphabet alphabet = Base32Alphabet.Standard)
    {
        bytes = null;
        if (text.Length > MaxInputLength)
        {
            error = $"Base32 text is longer than {MaxInputLength} characters.";
            return false;
        }

        var symbols = Symbols(alphabet);
        Span<byte> values = stackalloc byte[text.Length];
        var count = 0;
        var padding = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
                continue;
            }

            var value = symbols.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                error = $"Base32 text has a character outside the alphabet at position {i + 1}.";
                return false;
            }

            if (padding > 0)
            {
                error = "Base32 padding ('=') may only appear at the end.";
                return false;
            }

            values[count++] = (byte)value;
        }

        // RFC 4648 §6: a final quantum has 2, 4, 5 or 7 symbols; 1, 3 or 6 leftover symbols cannot come from whole bytes.
        if ((count % 8) is 1 or 3 or 6)
        {
            error = "Base32 text has an impossible length.";
            return false;
        }

        if (padding > 0 && ((count + padding) % 8 != 0 || padding > 6))
        {
            error = "Base32 padding does not complete a block of 8 characters.";
            return false;
        }

        var output = new byte[count * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var value in values[..count])
        {
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[index++] = (byte)((buffer >> bits) & 0xFF);
            }
        }

        bytes = output;
        error = null;
        return true;
    }

    private static string Symbols(Base32Alphabet alphabet) => alphabet switch
    {
        Base32Alphabet.Standard => StandardSymbols,
        Base32Alphabet.ExtendedHex => HexSymbols,
        _ => throw new ArgumentOutOfRangeException(nameof(alphabet)),
    };
}
