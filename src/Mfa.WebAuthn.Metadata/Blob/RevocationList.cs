using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>A parsed X.509 CRL (RFC 5280 §5): issuer, thisUpdate, nextUpdate, revoked serials and the signed bytes.</summary>
internal sealed class RevocationList
{
    private readonly HashSet<string> _revokedSerials;
    private readonly byte[] _tbs;
    private readonly string _signatureAlgorithm;
    private readonly byte[] _signature;

    private RevocationList(byte[] issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<string> revokedSerials, byte[] tbs, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revokedSerials = revokedSerials;
        _tbs = tbs;
        _signatureAlgorithm = signatureAlgorithm;
        _signature = signature;
    }

    /// <summary>The DER issuer Name.</summary>
    public byte[] Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    /// <summary>Parses a DER (or PEM <c>X509 CRL</c>) CRL.</summary>
    /// <param name="data">The CRL.</param>
    /// <param name="crl">The CRL, when it parses.</param>
    /// <returns>Whether it parses.</returns>
    public static bool TryParse(ReadOnlyMemory<byte> data, out RevocationList? crl)
    {
        crl = null;
        try
        {
            var der = Der(data);
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue().ToArray();
            var signatureAlgorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out var unused);
            if (unused != 0)
            {
                return false;
            }

            var list = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (list.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                list.ReadInteger();
            }

            if (!string.Equals(list.ReadSequence().ReadObjectIdentifier(), signatureAlgorithm, StringComparison.Ordinal))
            {
                return false;
            }

            var issuer = list.ReadEncodedValue().ToArray();
            var thisUpdate = ReadTime(list);
            DateTimeOffset? nextUpdate = null;
            if (list.HasData && (list.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || list.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                nextUpdate = ReadTime(list);
            }

            var serials = new HashSet<string>(StringComparer.Ordinal);
            if (list.HasData && list.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var revoked = list.ReadSequence();
                while (revoked.HasData)
                {
                    var entry = revoked.ReadSequence();
                    serials.Add(Convert.ToHexString(entry.ReadIntegerBytes().Span));
                }
            }

            crl = new RevocationList(issuer, thisUpdate, nextUpdate, serials, tbs, signatureAlgorithm, signature);
            return true;
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether this CRL names <paramref name="issuer"/> as its issuer (byte-equal DER Name).</summary>
    /// <param name="issuer">The candidate issuer.</param>
    /// <returns>Whether the names match.</returns>
    public bool IsFrom(X509Certificate2 issuer) => issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer);

    /// <summary>Whether the CRL's signature verifies with <paramref name="issuer"/>'s key (RSA PKCS#1 v1.5 or ECDSA, SHA-256/384/512).</summary>
    /// <param name="issuer">The issuer certificate.</param>
    /// <returns>Whether the issuer signed it.</returns>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        try
        {
            return _signatureAlgorithm switch
            {
                "1.2.840.113549.1.1.11" => VerifyRsa(issuer, HashAlgorithmName.SHA256),
                "1.2.840.113549.1.1.12" => VerifyRsa(issuer, HashAlgorithmName.SHA384),
                "1.2.840.113549.1.1.13" => VerifyRsa(issuer, HashAlgorithmName.SHA512),
                "1.2.840.10045.4.3.2" => VerifyEcdsa(issuer, HashAlgorithmName.SHA256),
                "1.2.840.10045.4.3.3" => VerifyEcdsa(issuer, HashAlgorithmName.SHA384),
                "1.2.840.10045.4.3.4" => VerifyEcdsa(issuer, HashAlgorithmName.SHA512),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether the CRL is current at <paramref name="at"/>: thisUpdate ≤ at ≤ nextUpdate (a CRL without nextUpdate never is).</summary>
    /// <param name="at">The verification time.</param>
    /// <returns>Whether it is current.</returns>
    public bool IsCurrentAt(DateTimeOffset at) => ThisUpdate <= at && NextUpdate is { } next && at <= next;

    /// <summary>Whether <paramref name="certificate"/>'s serial number is listed.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>Whether it is revoked.</returns>
    public bool Lists(X509Certificate2 certificate) => _revokedSerials.Contains(Convert.ToHexString(certificate.SerialNumberBytes.Span));

    private bool VerifyRsa(X509Certificate2 issuer, HashAlgorithmName hash)
    {
        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(_tbs, _signature, hash, RSASignaturePadding.Pkcs1);
    }

    private bool VerifyEcdsa(X509Certificate2 issuer, HashAlgorithmName hash)
    {
        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(_tbs, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static byte[] Der(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (span.IndexOf("-----BEGIN X509 CRL-----"u8) < 0)
        {
            return data.ToArray();
        }

        var text = System.Text.Encoding.ASCII.GetString(span);
        var fields = PemEncoding.Find(text);
        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
