using System.Buffers.Text;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>A compact JWS (RFC 7515 §7.1) split into its three parts, keeping the exact signing input bytes.</summary>
internal sealed class CompactJws
{
    private CompactJws(ReadOnlyMemory<byte> signingInput, byte[] header, byte[] payload, byte[] signature)
    {
        SigningInput = signingInput;
        Header = header;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>ASCII <c>base64url(header) '.' base64url(payload)</c>, exactly as received: the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> SigningInput { get; }

    /// <summary>The decoded protected header (UTF-8 JSON).</summary>
    public byte[] Header { get; }

    /// <summary>The decoded payload (UTF-8 JSON).</summary>
    public byte[] Payload { get; }

    /// <summary>The decoded signature.</summary>
    public byte[] Signature { get; }

    /// <summary>Splits <paramref name="text"/> (surrounding ASCII whitespace ignored) into header, payload and signature.</summary>
    /// <param name="text">The compact serialization.</param>
    /// <param name="jws">The parts, when it parses.</param>
    /// <returns>Whether it is three non-empty, strictly base64url (unpadded) parts.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> text, out CompactJws? jws)
    {
        jws = null;
        var trimmed = Trim(text);
        var span = trimmed.Span;
        var first = span.IndexOf((byte)'.');
        if (first <= 0)
        {
            return false;
        }

        var second = span[(first + 1)..].IndexOf((byte)'.');
        if (second <= 0)
        {
            return false;
        }

        second += first + 1;
        var headerText = span[..first];
        var payloadText = span[(first + 1)..second];
        var signatureText = span[(second + 1)..];
        if (payloadText.IsEmpty || signatureText.IsEmpty || signatureText.Contains((byte)'.'))
        {
            return false;
        }

        if (!TryDecode(headerText, out var header) || !TryDecode(payloadText, out var payload) || !TryDecode(signatureText, out var signature))
        {
            return false;
        }

        jws = new CompactJws(trimmed[..second], header, payload, signature);
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> text, out byte[] decoded)
    {
        decoded = [];

        // RFC 7515 §2: base64url without padding; Base64Url.IsValid also accepts padding and whitespace, so refuse those first.
        if (text.IndexOfAny("= \t\r\n"u8) >= 0 || !Base64Url.IsValid(text, out var length))
        {
            return false;
        }

        decoded = new byte[length];
        return Base64Url.TryDecodeFromUtf8(text, decoded, out var written) && written == length;
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> text)
    {
        var span = text.Span;
        var start = 0;
        var end = span.Length;
        while (start < end && IsWhitespace(span[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(span[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
