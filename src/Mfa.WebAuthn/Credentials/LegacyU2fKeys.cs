using System.Formats.Cbor;
using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Credentials;

/// <summary>Turns a U2F public key into a COSE_Key and checks a legacy key's parts (FIDO U2F raw message formats §4.3).</summary>
internal static class LegacyU2fKeys
{
    private const int PointLength = 65;
    private const int CoordinateLength = 32;

    /// <summary>Decodes an uncompressed P-256 point or a COSE_Key into an ES256 key.</summary>
    public static bool TryDecodePublicKey(ReadOnlyMemory<byte> publicKey, out CoseKey? key, out MfaFailureReason failure)
    {
        var cose = publicKey.Length == PointLength && publicKey.Span[0] == 0x04 ? ToCose(publicKey.Span) : publicKey;
        if (!CoseKey.TryDecode(cose, allowRs1: false, out key, out failure) || key is null)
        {
            key = null;
            failure = failure == MfaFailureReason.None ? MfaFailureReason.MalformedInput : failure;
            return false;
        }

        if (key.Algorithm != CoseAlgorithm.ES256)
        {
            key = null;
            failure = MfaFailureReason.UnsupportedAlgorithm;
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="appId"/> is a FIDO AppID: an absolute https URL.</summary>
    public static bool IsValidAppId(string appId) =>
        appId.Length <= 2048 && Uri.TryCreate(appId, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>Encodes an uncompressed P-256 point as a CTAP2-canonical COSE_Key {1: 2, 3: -7, -1: 1, -2: x, -3: y}.</summary>
    internal static byte[] ToCose(ReadOnlySpan<byte> point)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32((int)CoseAlgorithm.ES256);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(point.Slice(1, CoordinateLength));
        writer.WriteInt32(-3);
        writer.WriteByteString(point.Slice(1 + CoordinateLength, CoordinateLength));
        writer.WriteEndMap();
        return writer.Encode();
    }
}
