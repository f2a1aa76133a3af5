using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;
using Ed25519PublicKey = NSec.Cryptography.PublicKey;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// A credential public key decoded from its COSE_Key encoding (RFC 9052 §7, RFC 9053), checked against its algorithm
/// (key type, curve, point on curve, RSA size), ready to verify WebAuthn signatures.
/// </summary>
/// <remarks>
/// An instance is immutable and safe to share between threads (<see cref="CoseKeyCache"/> does): verification only reads
/// the imported public key.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Keys are shared through CoseKeyCache and live as long as the cache; the imported key's SafeHandle releases it when collected.")]
internal sealed class CoseKey
{
    /// <summary>The smallest RSA modulus accepted (RFC 8230 §6: at least 2048 bits).</summary>
    public const int MinRsaKeySizeBits = 2048;

    /// <summary>The largest RSA modulus accepted (bounds the cost of hostile keys).</summary>
    public const int MaxRsaKeySizeBits = 16384;

    private const string Ed25519Oid = "1.3.101.112";
    private const string Ed448Oid = "1.3.101.113";

    // COSE_Key labels (RFC 9052 §7.1, RFC 9053 §7, RFC 8230 §4).
    private const int LabelKty = 1;
    private const int LabelAlg = 3;
    private const int LabelCrvOrN = -1;
    private const int LabelXOrE = -2;
    private const int LabelY = -3;
    private const int LabelEcPrivate = -4;

    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly RSASignaturePadding? _rsaPadding;
    private readonly HashAlgorithmName _hash;
    private readonly Ed25519PublicKey? _ed25519;

    private CoseKey(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, CoseKeyType keyType, int curve)
    {
        Algorithm = algorithm;
        Encoded = encoded;
        KeyType = keyType;
        Curve = curve;
        _hash = HashFor(algorithm);
    }

    private CoseKey(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, NistCurve curve, ECDsa ecdsa, byte[] x, byte[] y)
        : this(algorithm, encoded, CoseKeyType.Ec2, curve.CoseCurve)
    {
        _ecdsa = ecdsa;
        X = x;
        Y = y;
    }

    private CoseKey(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, RSA rsa, byte[] modulus, byte[] exponent)
        : this(algorithm, encoded, CoseKeyType.Rsa, 0)
    {
        _rsa = rsa;
        _rsaPadding = algorithm is CoseAlgorithm.PS256 or CoseAlgorithm.PS384 or CoseAlgorithm.PS512
            ? RSASignaturePadding.Pss
            : RSASignaturePadding.Pkcs1;
        Modulus = modulus;
        Exponent = exponent;
    }

    private CoseKey(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, int curve, byte[] x, Ed25519PublicKey? ed25519)
        : this(algorithm, encoded, CoseKeyType.Okp, curve)
    {
        X = x;
        _ed25519 = ed25519;
    }

    /// <summary>The key's algorithm (COSE label 3).</summary>
    public CoseAlgorithm Algorithm { get; }

    /// <summary>The exact COSE_Key bytes the key was decoded from (empty for a key taken from a certificate).</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>The key type.</summary>
    public CoseKeyType KeyType { get; }

    /// <summary>The COSE curve (1 P-256, 2 P-384, 3 P-521, 6 Ed25519, 7 Ed448); 0 for RSA.</summary>
    public int Curve { get; }

    /// <summary>EC2: the big-endian x coordinate; OKP: the encoded public key; empty for RSA.</summary>
    public ReadOnlyMemory<byte> X { get; }

    /// <summary>EC2: the big-endian y coordinate; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Y { get; }

    /// <summary>RSA: the modulus, big-endian, without leading zeros; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Modulus { get; }

    /// <summary>RSA: the public exponent, big-endian, without leading zeros; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Exponent { get; }

    /// <summary>
    /// Decodes a COSE_Key (CTAP2 canonical CBOR) and checks its parameters match its algorithm.
    /// Never throws for bad input.
    /// </summary>
    /// <param name="encoded">Exactly one COSE_Key map, no trailing bytes.</param>
    /// <param name="allowRs1">Whether RS1 (-65535) keys are accepted.</param>
    /// <param name="key">The key on success.</param>
    /// <param name="failure">Why decoding failed: MalformedInput, UnsupportedAlgorithm, ...</param>
    /// <returns>Whether the key was decoded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> encoded, bool allowRs1, out CoseKey? key, out MfaFailureReason failure)
    {
        try
        {
            failure = Decode(encoded, allowRs1, out key);
            return failure == MfaFailureReason.None;
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            key = null;
            failure = MfaFailureReason.MalformedInput;
            return false;
        }
    }

    /// <summary>
    /// Takes the subject public key of an attestation certificate as a key for <paramref name="algorithm"/>, checking
    /// that the key type and curve fit the algorithm. Never throws for bad input.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="algorithm">The algorithm the statement names.</param>
    /// <param name="allowRs1">Whether RS1 is accepted.</param>
    /// <param name="key">The key on success.</param>
    /// <returns>Whether the certificate's key fits the algorithm.</returns>
    public static bool TryFromCertificate(X509Certificate2 certificate, CoseAlgorithm algorithm, bool allowRs1, [NotNullWhen(true)] out CoseKey? key)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        key = null;
        try
        {
            if (!IsKnown(algorithm, allowRs1))
            {
                return false;
            }

            switch (FamilyOf(algorithm))
            {
                case CoseKeyType.Ec2:
                    using (var ecdsa = certificate.GetECDsaPublicKey())
                    {
                        if (ecdsa is null)
                        {
                            return false;
                        }

                        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
                        var curve = NistCurve.FromOid(parameters.Curve.Oid?.Value);
                        if (curve is null || CurveFor(algorithm) != curve.CoseCurve)
                        {
                            return false;
                        }

                        return TryCreateEc2(algorithm, ReadOnlyMemory<byte>.Empty, curve, parameters.Q.X!, parameters.Q.Y!, out key) == MfaFailureReason.None;
                    }

                case CoseKeyType.Rsa:
                    using (var rsa = certificate.GetRSAPublicKey())
                    {
                        if (rsa is null)
                        {
                            return false;
                        }

                        var parameters = rsa.ExportParameters(includePrivateParameters: false);
                        return TryCreateRsa(algorithm, ReadOnlyMemory<byte>.Empty, parameters.Modulus!, parameters.Exponent!, out key) == MfaFailureReason.None;
                    }

                default:
                    var (oid, raw) = ReadSubjectPublicKeyInfo(certificate);
                    var crv = oid switch
                    {
                        Ed25519Oid => 6,
                        Ed448Oid => 7,
                        _ => 0,
                    };
                    return crv != 0 && TryCreateOkp(algorithm, ReadOnlyMemory<byte>.Empty, crv, raw, out key) == MfaFailureReason.None;
            }
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            key = null;
            return false;
        }
    }

    /// <summary>Whether <paramref name="certificate"/>'s subject public key is this key (same type, curve and value).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>Whether the keys are equal.</returns>
    public bool MatchesCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            switch (KeyType)
            {
                case CoseKeyType.Ec2:
                    using (var ecdsa = certificate.GetECDsaPublicKey())
                    {
                        if (ecdsa is null)
                        {
                            return false;
                        }

                        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
                        return NistCurve.FromOid(parameters.Curve.Oid?.Value)?.CoseCurve == Curve
                            && X.Span.SequenceEqual(parameters.Q.X) && Y.Span.SequenceEqual(parameters.Q.Y);
                    }

                case CoseKeyType.Rsa:
                    using (var rsa = certificate.GetRSAPublicKey())
                    {
                        if (rsa is null)
                        {
                            return false;
                        }

                        var parameters = rsa.ExportParameters(includePrivateParameters: false);
                        return Modulus.Span.SequenceEqual(TrimLeadingZeros(parameters.Modulus))
                            && Exponent.Span.SequenceEqual(TrimLeadingZeros(parameters.Exponent));
                    }

                default:
                    var (oid, raw) = ReadSubjectPublicKeyInfo(certificate);
                    return oid == (Curve == 6 ? Ed25519Oid : Ed448Oid) && X.Span.SequenceEqual(raw);
            }
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Verifies a WebAuthn signature over <paramref name="data"/> (authenticatorData || SHA-256(clientDataJSON), or an
    /// attestation's signed bytes): ECDSA signatures are DER (ASN.1 Ecdsa-Sig-Value), RSA PKCS#1 v1.5 or PSS, EdDSA raw.
    /// Never throws for a malformed signature: returns false.
    /// </summary>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether it verifies.</returns>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            if (_ecdsa is not null)
            {
                Span<byte> hash = stackalloc byte[64];
                var written = CryptographicOperations.HashData(_hash, data, hash);
                return _ecdsa.VerifyHash(hash[..written], signature, DSASignatureFormat.Rfc3279DerSequence);
            }

            if (_rsa is not null)
            {
                return _rsa.VerifyData(data, signature, _hash, _rsaPadding!);
            }

            if (_ed25519 is not null)
            {
                return Ed25519Verifier.Verify(_ed25519, data, signature);
            }

            return KeyType == CoseKeyType.Okp && Curve == 7 && Ed448Verifier.Verify(X.Span, data, signature);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // A signature the platform cannot even parse is simply not a valid signature.
            return false;
        }
    }

    /// <summary>Verifies an ECDSA signature in IEEE P1363 form (r || s), as JWS ES256 uses; false for other key types.</summary>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">r || s.</param>
    /// <returns>Whether it verifies.</returns>
    public bool VerifyP1363Signature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return _ecdsa is not null && _ecdsa.VerifyData(data, signature, _hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The hash algorithm an algorithm signs with (SHA-512 for EdDSA, where it is internal to the scheme).</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>The hash algorithm.</returns>
    public static HashAlgorithmName HashFor(CoseAlgorithm algorithm) => algorithm switch
    {
        CoseAlgorithm.ES256 or CoseAlgorithm.PS256 or CoseAlgorithm.RS256 => HashAlgorithmName.SHA256,
        CoseAlgorithm.ES384 or CoseAlgorithm.PS384 or CoseAlgorithm.RS384 => HashAlgorithmName.SHA384,
        CoseAlgorithm.RS1 => HashAlgorithmName.SHA1,
        _ => HashAlgorithmName.SHA512,
    };

    /// <summary>Whether <paramref name="algorithm"/> is one this package verifies (RS1 only when allowed).</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="allowRs1">Whether RS1 is accepted.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnown(CoseAlgorithm algorithm, bool allowRs1) =>
        Enum.IsDefined(algorithm) && (allowRs1 || algorithm != CoseAlgorithm.RS1);

    private static MfaFailureReason Decode(ReadOnlyMemory<byte> encoded, bool allowRs1, out CoseKey? key)
    {
        key = null;
        var reader = new CborReader(encoded, CborConformanceMode.Ctap2Canonical);
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            return MfaFailureReason.MalformedInput;
        }

        _ = reader.ReadStartMap();
        long? kty = null;
        long? alg = null;
        long? crv = null;
        ReadOnlyMemory<byte>? nOrCrvBytes = null;
        ReadOnlyMemory<byte>? xOrE = null;
        ReadOnlyMemory<byte>? y = null;
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
            {
                // Text labels are legal COSE but unused by WebAuthn: skip them and their values.
                CborInput.SkipBounded(reader, 0);
                CborInput.SkipBounded(reader, CborInput.Ctap2MaxDepth - 1);
                continue;
            }

            var label = reader.ReadInt64();
            switch (label)
            {
                case LabelKty:
                    kty = reader.ReadInt64();
                    break;
                case LabelAlg:
                    alg = reader.ReadInt64();
                    break;
                case LabelCrvOrN:
                    if (reader.PeekState() == CborReaderState.ByteString)
                    {
                        nOrCrvBytes = reader.ReadDefiniteLengthByteString();
                    }
                    else
                    {
                        crv = reader.ReadInt64();
                    }

                    break;
                case LabelXOrE:
                    xOrE = reader.ReadDefiniteLengthByteString();
                    break;
                case LabelY:
                    // EC2 y (a byte string; a boolean would be a compressed point, which WebAuthn does not use) or
                    // RSA d (a private key part): either way it must be bytes, and RSA rejects it below.
                    y = reader.ReadDefiniteLengthByteString();
                    break;
                case <= LabelEcPrivate:
                    // d (EC2/OKP) and every RSA private parameter: a public key must not carry them.
                    return MfaFailureReason.MalformedInput;
                default:
                    // CTAP2 §8: four levels at most, the key's map being the first, also in members this RP ignores.
                    CborInput.SkipBounded(reader, CborInput.Ctap2MaxDepth - 1);
                    break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || kty is null || alg is null)
        {
            return MfaFailureReason.MalformedInput;
        }

        if (alg is < int.MinValue or > int.MaxValue || !IsKnown((CoseAlgorithm)alg.Value, allowRs1))
        {
            return MfaFailureReason.UnsupportedAlgorithm;
        }

        var algorithm = (CoseAlgorithm)alg.Value;
        if ((long)FamilyOf(algorithm) != kty)
        {
            return MfaFailureReason.MalformedInput;
        }

        switch (FamilyOf(algorithm))
        {
            case CoseKeyType.Ec2:
                var curve = crv is null ? null : NistCurve.FromCose(crv.Value);
                if (curve is null || curve.CoseCurve != CurveFor(algorithm) || nOrCrvBytes is not null || xOrE is null || y is null)
                {
                    return MfaFailureReason.MalformedInput;
                }

                return TryCreateEc2(algorithm, encoded, curve, xOrE.Value.ToArray(), y.Value.ToArray(), out key);
            case CoseKeyType.Rsa:
                if (nOrCrvBytes is null || xOrE is null || y is not null || crv is not null)
                {
                    return MfaFailureReason.MalformedInput;
                }

                return TryCreateRsa(algorithm, encoded, nOrCrvBytes.Value.ToArray(), xOrE.Value.ToArray(), out key);
            default:
                if (crv is not (6 or 7) || nOrCrvBytes is not null || xOrE is null || y is not null)
                {
                    return MfaFailureReason.MalformedInput;
                }

                return TryCreateOkp(algorithm, encoded, (int)crv.Value, xOrE.Value.ToArray(), out key);
        }
    }

    private static MfaFailureReason TryCreateEc2(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, NistCurve curve, byte[] x, byte[] y, out CoseKey? key)
    {
        key = null;

        // RFC 9053 §7.1.1: x and y are exactly the curve's coordinate length (leading zeros kept); the point must
        // lie on the curve, or an invalid-curve attack could make signatures meaningless.
        if (x.Length != curve.CoordinateLength || y.Length != curve.CoordinateLength || !curve.IsOnCurve(x, y))
        {
            return MfaFailureReason.MalformedInput;
        }

        var parameters = new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = x, Y = y } };
        parameters.Validate();
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            return MfaFailureReason.MalformedInput;
        }

        key = new CoseKey(algorithm, encoded, curve, ecdsa, x, y);
        return MfaFailureReason.None;
    }

    private static MfaFailureReason TryCreateRsa(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, byte[] modulus, byte[] exponent, out CoseKey? key)
    {
        key = null;

        // RFC 8230 §4: n and e are unsigned big-endian integers without leading zeros.
        if (modulus.Length == 0 || modulus[0] == 0 || exponent.Length is 0 or > 4 || exponent[0] == 0)
        {
            return MfaFailureReason.MalformedInput;
        }

        var bits = (modulus.Length * 8) - System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;
        if (bits < MinRsaKeySizeBits || bits > MaxRsaKeySizeBits)
        {
            return MfaFailureReason.PolicyViolation;
        }

        // A sane public exponent is odd and at least 3.
        if ((exponent[^1] & 1) == 0 || (exponent.Length == 1 && exponent[0] < 3))
        {
            return MfaFailureReason.MalformedInput;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            return MfaFailureReason.MalformedInput;
        }

        key = new CoseKey(algorithm, encoded, rsa, modulus, exponent);
        return MfaFailureReason.None;
    }

    private static MfaFailureReason TryCreateOkp(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded, int curve, byte[] x, out CoseKey? key)
    {
        key = null;

        // EdDSA (-8) names the curve through crv; the fully specified ids fix it.
        var fits = algorithm switch
        {
            CoseAlgorithm.EdDSA => true,
            CoseAlgorithm.Ed25519 => curve == 6,
            CoseAlgorithm.Ed448 => curve == 7,
            _ => false,
        };
        if (!fits)
        {
            return MfaFailureReason.MalformedInput;
        }

        // Ed25519 by libsodium (NSec), Ed448 by BouncyCastle: each refuses non-canonical, small-order and non-curve keys.
        if (curve == 6)
        {
            var ed25519 = Ed25519Verifier.TryImport(x);
            if (ed25519 is null)
            {
                return MfaFailureReason.MalformedInput;
            }

            key = new CoseKey(algorithm, encoded, curve, x, ed25519);
            return MfaFailureReason.None;
        }

        if (!Ed448Verifier.IsValidPublicKey(x))
        {
            return MfaFailureReason.MalformedInput;
        }

        key = new CoseKey(algorithm, encoded, curve, x, ed25519: null);
        return MfaFailureReason.None;
    }

    private static CoseKeyType FamilyOf(CoseAlgorithm algorithm) => algorithm switch
    {
        CoseAlgorithm.ES256 or CoseAlgorithm.ES384 or CoseAlgorithm.ES512 => CoseKeyType.Ec2,
        CoseAlgorithm.EdDSA or CoseAlgorithm.Ed25519 or CoseAlgorithm.Ed448 => CoseKeyType.Okp,
        _ => CoseKeyType.Rsa,
    };

    private static int CurveFor(CoseAlgorithm algorithm) => algorithm switch
    {
        CoseAlgorithm.ES256 => 1,
        CoseAlgorithm.ES384 => 2,
        _ => 3,
    };

    /// <summary>An unsigned big-endian integer without its leading zero bytes (at least one byte is kept).</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The minimal encoding.</returns>
    internal static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }

    private static (string Oid, byte[] Key) ReadSubjectPublicKeyInfo(X509Certificate2 certificate)
    {
        // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
        var reader = new AsnReader(certificate.PublicKey.ExportSubjectPublicKeyInfo(), AsnEncodingRules.DER);
        var spki = reader.ReadSequence();
        var algorithm = spki.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        var key = spki.ReadBitString(out var unusedBits);
        return (oid, unusedBits == 0 ? key : []);
    }
}
