using System.Text.Json;

namespace Mfa.Push.Jose;

/// <summary>A JWS in compact serialization whose parts decoded and whose header parsed; the payload is not parsed yet.</summary>
internal sealed class CompactJws
{
    public CompactJws(string token, int payloadEnd, JsonElement header, byte[] payload, byte[] signature)
    {
        Token = token;
        SigningInput = System.Text.Encoding.ASCII.GetBytes(token, 0, payloadEnd);
        Header = new Claims(header);
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The token exactly as received.</summary>
    public string Token { get; }

    /// <summary>The ASCII bytes of <c>BASE64URL(header) "." BASE64URL(payload)</c> as received (push spec §2).</summary>
    public byte[] SigningInput { get; }

    public Claims Header { get; }

    /// <summary>The decoded payload octets (parse only after the signature verified).</summary>
    public byte[] Payload { get; }

    public byte[] Signature { get; }

    public string? KeyId => Header.TryGetString("kid", out var kid) ? kid : null;

    public bool VerifySignature(System.Security.Cryptography.ECDsa key) => Es256.Verify(key, SigningInput, Signature);

    public bool TryParsePayload(out Claims claims)
    {
        claims = default;
        if (!StrictJson.TryParseObject(Payload, out var root))
        {
            return false;
        }

        claims = new Claims(root);
        return true;
    }
}
