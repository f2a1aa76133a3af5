using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace Mfa.Push.Jose;

/// <summary>ES256 (RFC 7518 §3.4): ECDSA P-256 with SHA-256, signatures as the 64-octet <c>r || s</c> (IEEE P1363).</summary>
internal static class Es256
{
    public const string Algorithm = "ES256";
    public const int SignatureSize = 64;
    private const int FieldSize = 32;

    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Verifies a P1363 signature; any signature that is not exactly 64 octets (a DER one) is refused.</summary>
    public static bool Verify(ECDsa key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize
        && key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Converts a DER <c>Ecdsa-Sig-Value</c> (RFC 3279) to the 64-octet JWS form.</summary>
    public static bool TryConvertDerToP1363(ReadOnlySpan<byte> der, [NotNullWhen(true)] out byte[]? p1363)
    {
        p1363 = null;
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            var r = sequence.ReadIntegerBytes().Span;
            var s = sequence.ReadIntegerBytes().Span;
            sequence.ThrowIfNotEmpty();
            reader.ThrowIfNotEmpty();
            var result = new byte[SignatureSize];
            if (!TryCopyUnsigned(r, result.AsSpan(0, FieldSize)) || !TryCopyUnsigned(s, result.AsSpan(FieldSize)))
            {
                return false;
            }

            p1363 = result;
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>Converts a 64-octet JWS signature to DER.</summary>
    public static byte[] ConvertP1363ToDer(ReadOnlySpan<byte> p1363)
    {
        if (p1363.Length != SignatureSize)
        {
            throw new ArgumentException("An ES256 signature is 64 octets.", nameof(p1363));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(p1363[..FieldSize], isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(p1363[FieldSize..], isUnsigned: true, isBigEndian: true));
        }

        return writer.Encode();
    }

    private static bool TryCopyUnsigned(ReadOnlySpan<byte> integer, Span<byte> destination)
    {
        // A DER INTEGER is signed: r and s are positive, so a leading 0x00 may precede a high bit.
        if (integer.Length > 0 && (integer[0] & 0x80) != 0)
        {
            return false;
        }

        var trimmed = integer.TrimStart((byte)0);
        if (trimmed.Length > destination.Length)
        {
            return false;
        }

        destination.Clear();
        trimmed.CopyTo(destination[(destination.Length - trimmed.Length)..]);
        return true;
    }
}
