using System.Formats.Cbor;
using System.Security.Cryptography;
using NSec.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>A credential key pair for any COSE algorithm the generated cases use, with its COSE_Key and signer.</summary>
internal sealed class SoftwareKey : IDisposable
{
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;
    private readonly Key? _ed25519;
    private readonly Ed448PrivateKeyParameters? _ed448;

    public SoftwareKey(int algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case -7 or -35 or -36:
                _ecdsa = ECDsa.Create(algorithm switch { -7 => ECCurve.NamedCurves.nistP256, -35 => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 });
                break;
            case -8:
                _ed25519 = Key.Create(SignatureAlgorithm.Ed25519);
                break;
            default:
                _rsa = RSA.Create(2048);
                break;
        }
    }

    private SoftwareKey(bool ed448)
    {
        Algorithm = -8;
        _ed448 = new Ed448PrivateKeyParameters(new SecureRandom());
        IsEd448 = ed448;
    }

    public int Algorithm { get; }

    public bool IsEd448 { get; }

    public string Name => IsEd448 ? "EdDSA/Ed448" : Algorithm switch
    {
        -7 => "ES256", -35 => "ES384", -36 => "ES512", -8 => "EdDSA/Ed25519",
        -257 => "RS256", -258 => "RS384", -259 => "RS512", -37 => "PS256", -38 => "PS384", _ => "PS512",
    };

    public static SoftwareKey CreateEd448() => new(ed448: true);

    public ECDsa? EcDsa => _ecdsa;

    public byte[] CoseKey()
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        if (_ecdsa is not null)
        {
            var q = _ecdsa.ExportParameters(false).Q;
            writer.WriteStartMap(5);
            writer.WriteInt32(1);
            writer.WriteInt32(2);
            writer.WriteInt32(3);
            writer.WriteInt32(Algorithm);
            writer.WriteInt32(-1);
            writer.WriteInt32(Algorithm switch { -7 => 1, -35 => 2, _ => 3 });
            writer.WriteInt32(-2);
            writer.WriteByteString(q.X!);
            writer.WriteInt32(-3);
            writer.WriteByteString(q.Y!);
        }
        else if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            writer.WriteStartMap(4);
            writer.WriteInt32(1);
            writer.WriteInt32(3);
            writer.WriteInt32(3);
            writer.WriteInt32(Algorithm);
            writer.WriteInt32(-1);
            writer.WriteByteString(p.Modulus!);
            writer.WriteInt32(-2);
            writer.WriteByteString(p.Exponent!);
        }
        else
        {
            writer.WriteStartMap(4);
            writer.WriteInt32(1);
            writer.WriteInt32(1);
            writer.WriteInt32(3);
            writer.WriteInt32(-8);
            writer.WriteInt32(-1);
            writer.WriteInt32(IsEd448 ? 7 : 6);
            writer.WriteInt32(-2);
            writer.WriteByteString(IsEd448 ? _ed448!.GeneratePublicKey().GetEncoded() : _ed25519!.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    public byte[] Sign(byte[] data)
    {
        if (_ecdsa is not null)
        {
            var hash = Algorithm switch { -7 => HashAlgorithmName.SHA256, -35 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
            return _ecdsa.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        if (_rsa is not null)
        {
            var hash = Algorithm switch { -257 or -37 => HashAlgorithmName.SHA256, -258 or -38 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
            return _rsa.SignData(data, hash, Algorithm is -37 or -38 or -39 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        }

        if (_ed25519 is not null)
        {
            return SignatureAlgorithm.Ed25519.Sign(_ed25519, data);
        }

        var signer = new Ed448Signer([]);
        signer.Init(true, _ed448);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
        _ed25519?.Dispose();
    }
}
