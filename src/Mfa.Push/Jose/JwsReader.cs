using System.Diagnostics.CodeAnalysis;

namespace Mfa.Push.Jose;

/// <summary>Reads a compact JWS the way push spec §2 and §6 steps 1–2 say, before any key is involved.</summary>
internal static class JwsReader
{
    /// <summary>Push spec §2: max token length 8 KiB.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private static readonly string[] s_forbiddenHeaderMembers = ["crit", "jku", "x5u", "x5c"];

    /// <summary>
    /// Step 1 (length, three strict base64url parts, strict header JSON) and step 2 (<c>alg</c>, then <c>typ</c>, then
    /// the key-carrying members) of push spec §6.
    /// </summary>
    /// <param name="token">The token as received.</param>
    /// <param name="expectedType">The <c>typ</c> this endpoint accepts.</param>
    /// <param name="keyInHeader">Whether the header carries <c>jwk</c> (enrollment) instead of <c>kid</c>.</param>
    /// <param name="jws">The decoded token.</param>
    public static PushProtocolError TryRead(string? token, string expectedType, bool keyInHeader, [NotNullWhen(true)] out CompactJws? jws)
    {
        jws = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return PushProtocolError.Malformed;
        }

        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || token.IndexOf('.', second + 1) >= 0)
        {
            return PushProtocolError.Malformed;
        }

        var span = token.AsSpan();
        if (!Base64UrlStrict.TryDecode(span[..first], out var headerBytes)
            || !Base64UrlStrict.TryDecode(span[(first + 1)..second], out var payload)
            || !Base64UrlStrict.TryDecode(span[(second + 1)..], out var signature)
            || !StrictJson.TryParseObject(headerBytes, out var headerRoot))
        {
            return PushProtocolError.Malformed;
        }

        var header = new Claims(headerRoot);
        if (!header.TryGetString("alg", out var alg) || alg != Es256.Algorithm)
        {
            return header.Has("alg") && headerRoot.GetProperty("alg").ValueKind != System.Text.Json.JsonValueKind.String
                ? PushProtocolError.Malformed
                : PushProtocolError.UnsupportedAlg;
        }

        if (!header.TryGetString("typ", out var typ) || typ != expectedType)
        {
            return PushProtocolError.WrongTyp;
        }

        if (s_forbiddenHeaderMembers.Any(header.Has))
        {
            return PushProtocolError.Malformed;
        }

        if (keyInHeader ? !header.TryGetObject("jwk", out _) || header.Has("kid") : !header.TryGetString("kid", out _) || header.Has("jwk"))
        {
            return PushProtocolError.Malformed;
        }

        jws = new CompactJws(token, second, headerRoot, payload, signature);
        return PushProtocolError.None;
    }
}
