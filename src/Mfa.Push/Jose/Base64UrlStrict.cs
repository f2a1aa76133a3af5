using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

// One source, compiled into Mfa.Push and (linked) into the BCL-only device library Mfa.Push.Device.
#if MFA_PUSH_DEVICE
namespace Mfa.Push.Device.Jose;
#else
namespace Mfa.Push.Jose;
#endif

/// <summary>base64url as RFC 7515 §2 defines it: no padding, no whitespace, nothing outside the alphabet, canonical trailing bits.</summary>
internal static class Base64UrlStrict
{
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    public static bool TryDecode(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length % 4 == 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            // Thrown (not reported) for non-zero unused trailing bits.
            return false;
        }

        var decoded = buffer.AsSpan(0, written).ToArray();

        // RFC 4648 §3.5: unused trailing bits must be zero, so one value has exactly one encoding.
        if (!Base64Url.EncodeToString(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is base64url of exactly <paramref name="length"/> octets.</summary>
    public static bool IsEncodingOf(string text, int length) => TryDecode(text, out var bytes) && bytes.Length == length;
}
