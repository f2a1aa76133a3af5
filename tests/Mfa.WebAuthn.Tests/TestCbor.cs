using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Mfa.WebAuthn.Tests;

/// <summary>Builds CBOR and COSE test inputs.</summary>
internal static class TestCbor
{
    /// <summary>Encodes a map whose keys and values are written by the callbacks, in the order given (Lax: anything goes).</summary>
    public static byte[] Map(params (Action<CborWriter> Key, Action<CborWriter> Value)[] entries)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(entries.Length);
        foreach (var (key, value) in entries)
        {
            key(writer);
            value(writer);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    public static Action<CborWriter> Text(string value) => w => w.WriteTextString(value);

    public static Action<CborWriter> Int(long value) => w => w.WriteInt64(value);

    public static Action<CborWriter> Bytes(byte[] value) => w => w.WriteByteString(value);

    public static Action<CborWriter> Encoded(byte[] value) => w => w.WriteEncodedValue(value);

    public static Action<CborWriter> ByteArray(params byte[][] values) => w =>
    {
        w.WriteStartArray(values.Length);
        foreach (var value in values)
        {
            w.WriteByteString(value);
        }

        w.WriteEndArray();
    };

    /// <summary>An attestation object {fmt, attStmt, authData} in canonical key order.</summary>
    public static byte[] AttestationObject(string format, byte[] statement, byte[] authData) =>
        Map((Text("fmt"), Text(format)), (Text("attStmt"), Encoded(statement)), (Text("authData"), Bytes(authData)));

    /// <summary>An EC2 COSE_Key for an ECDSA key (CTAP2 canonical label order 1, 3, -1, -2, -3).</summary>
    public static byte[] EncodeKey(ECDsa key, int alg)
    {
        var parameters = key.ExportParameters(false);
        var crv = parameters.Q.X!.Length switch { 32 => 1, 48 => 2, _ => 3 };
        return Map(
            (Int(1), Int(2)), (Int(3), Int(alg)), (Int(-1), Int(crv)), (Int(-2), Bytes(parameters.Q.X!)), (Int(-3), Bytes(parameters.Q.Y!)));
    }

    /// <summary>An RSA COSE_Key (labels 1, 3, -1 n, -2 e).</summary>
    public static byte[] EncodeKey(RSA key, int alg)
    {
        var parameters = key.ExportParameters(false);
        return Map((Int(1), Int(3)), (Int(3), Int(alg)), (Int(-1), Bytes(parameters.Modulus!)), (Int(-2), Bytes(parameters.Exponent!)));
    }

    /// <summary>Authenticator data with attested credential data for <paramref name="coseKey"/>.</summary>
    public static byte[] AuthData(byte[] coseKey, byte[]? aaguid = null, byte[]? credentialId = null, byte flags = 0x45, uint signCount = 0)
    {
        var rpIdHash = SHA256.HashData("example.org"u8);
        aaguid ??= new byte[16];
        credentialId ??= [.. Enumerable.Range(1, 16).Select(i => (byte)i)];
        var length = new byte[] { (byte)(credentialId.Length >> 8), (byte)credentialId.Length };
        var counter = new byte[] { (byte)(signCount >> 24), (byte)(signCount >> 16), (byte)(signCount >> 8), (byte)signCount };
        return [.. rpIdHash, flags, .. counter, .. aaguid, .. length, .. credentialId, .. coseKey];
    }
}
