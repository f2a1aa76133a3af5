using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The TPMT_PUBLIC area of the certified key (TPM 2.0 Part 2 §12.2.4), RSA and ECC keys only.</summary>
internal sealed class TpmtPublic
{
    /// <summary>TPM_ALG_RSA.</summary>
    public const ushort AlgRsa = 0x0001;

    /// <summary>TPM_ALG_ECC.</summary>
    public const ushort AlgEcc = 0x0023;

    private const ushort AlgNull = 0x0010;
    private const ushort AlgEcdaa = 0x001A;

    private TpmtPublic(ushort type, ushort nameAlg, byte[] modulus, uint exponent, ushort curveId, byte[] x, byte[] y)
    {
        Type = type;
        NameAlg = nameAlg;
        Modulus = modulus;
        Exponent = exponent;
        CurveId = curveId;
        X = x;
        Y = y;
    }

    /// <summary>type: TPM_ALG_RSA or TPM_ALG_ECC.</summary>
    public ushort Type { get; }

    /// <summary>nameAlg: the hash of the object's Name.</summary>
    public ushort NameAlg { get; }

    /// <summary>RSA: unique (the modulus).</summary>
    public ReadOnlyMemory<byte> Modulus { get; }

    /// <summary>RSA: the exponent (0 in the structure means 65537, already substituted here).</summary>
    public uint Exponent { get; }

    /// <summary>ECC: curveID (TPM_ECC_NIST_P256 = 3, P384 = 4, P521 = 5).</summary>
    public ushort CurveId { get; }

    /// <summary>ECC: unique.x.</summary>
    public ReadOnlyMemory<byte> X { get; }

    /// <summary>ECC: unique.y.</summary>
    public ReadOnlyMemory<byte> Y { get; }

    /// <summary>Parses pubArea.</summary>
    /// <param name="pubArea">The bytes.</param>
    /// <returns>The structure.</returns>
    public static TpmtPublic Parse(ReadOnlySpan<byte> pubArea)
    {
        var reader = new TpmReader(pubArea);
        var type = reader.ReadUInt16();
        var nameAlg = reader.ReadUInt16();
        _ = reader.ReadUInt32();   // objectAttributes
        _ = reader.ReadSized();    // authPolicy: TPM2B_DIGEST

        // parameters.symmetric: TPMT_SYM_DEF_OBJECT (algorithm, then keyBits and mode unless TPM_ALG_NULL)
        if (reader.ReadUInt16() != AlgNull)
        {
            reader.Skip(4);
        }

        // parameters.scheme: TPMT_RSA_SCHEME / TPMT_ECC_SCHEME (scheme, then its hashAlg unless TPM_ALG_NULL; ECDAA adds a count)
        var scheme = reader.ReadUInt16();
        if (scheme != AlgNull)
        {
            reader.Skip(scheme == AlgEcdaa ? 4 : 2);
        }

        TpmtPublic result;
        switch (type)
        {
            case AlgRsa:
                _ = reader.ReadUInt16();                 // keyBits
                var exponent = reader.ReadUInt32();      // exponent: 0 means the default 2^16 + 1
                var modulus = reader.ReadSized().ToArray();
                result = new TpmtPublic(type, nameAlg, modulus, exponent == 0 ? 65537u : exponent, 0, [], []);
                break;
            case AlgEcc:
                var curveId = reader.ReadUInt16();
                var kdf = reader.ReadUInt16();           // kdf: TPMT_KDF_SCHEME
                if (kdf != AlgNull)
                {
                    reader.Skip(2);
                }

                var x = reader.ReadSized().ToArray();
                var y = reader.ReadSized().ToArray();
                result = new TpmtPublic(type, nameAlg, [], 0, curveId, x, y);
                break;
            default:
                throw new MalformedInputException("pubArea is neither an RSA nor an ECC key.");
        }

        if (!reader.AtEnd)
        {
            throw new MalformedInputException("Unexpected bytes after TPMT_PUBLIC.");
        }

        return result;
    }
}
