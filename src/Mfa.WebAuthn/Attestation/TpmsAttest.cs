using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The TPMS_ATTEST structure a TPM signs (TPM 2.0 Part 2 §10.12.12), restricted to TPM_ST_ATTEST_CERTIFY.</summary>
internal sealed class TpmsAttest
{
    /// <summary>TPM_GENERATED_VALUE: the structure was produced by a TPM.</summary>
    public const uint GeneratedValue = 0xFF544347;

    /// <summary>TPM_ST_ATTEST_CERTIFY.</summary>
    public const ushort AttestCertify = 0x8017;

    private TpmsAttest(uint magic, ushort type, byte[] extraData, byte[] attestedName)
    {
        Magic = magic;
        Type = type;
        ExtraData = extraData;
        AttestedName = attestedName;
    }

    /// <summary>magic.</summary>
    public uint Magic { get; }

    /// <summary>type.</summary>
    public ushort Type { get; }

    /// <summary>extraData: the qualifying data the caller supplied (WebAuthn: a hash of attToBeSigned).</summary>
    public ReadOnlyMemory<byte> ExtraData { get; }

    /// <summary>attested.certify.name: the Name of the certified object (nameAlg || digest of its TPMT_PUBLIC).</summary>
    public ReadOnlyMemory<byte> AttestedName { get; }

    /// <summary>Parses certInfo; any type other than TPM_ST_ATTEST_CERTIFY is read up to its type only.</summary>
    /// <param name="certInfo">The bytes.</param>
    /// <returns>The structure.</returns>
    public static TpmsAttest Parse(ReadOnlySpan<byte> certInfo)
    {
        var reader = new TpmReader(certInfo);
        var magic = reader.ReadUInt32();
        var type = reader.ReadUInt16();
        if (magic != GeneratedValue || type != AttestCertify)
        {
            return new TpmsAttest(magic, type, [], []);
        }

        _ = reader.ReadSized();                        // qualifiedSigner: TPM2B_NAME (ignored, §8.3 step 4)
        var extraData = reader.ReadSized().ToArray();  // extraData: TPM2B_DATA
        reader.Skip(8 + 4 + 4 + 1);                    // clockInfo: clock, resetCount, restartCount, safe (ignored)
        reader.Skip(8);                                // firmwareVersion (ignored)
        var name = reader.ReadSized().ToArray();       // attested.certify.name: TPM2B_NAME
        _ = reader.ReadSized();                        // attested.certify.qualifiedName: TPM2B_NAME
        if (!reader.AtEnd)
        {
            throw new MalformedInputException("Unexpected bytes after TPMS_ATTEST.");
        }

        return new TpmsAttest(magic, type, extraData, name);
    }
}
