using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>tpm</c> attestation statement format (WebAuthn L3 §8.3).</summary>
internal static class TpmAttestation
{
    /// <summary>tcg-kp-AIKCertificate: the AIK certificate's extended key usage.</summary>
    public const string AikCertificateKeyUsageOid = "2.23.133.8.3";

    /// <summary>tcg-at-tpmManufacturer.</summary>
    public const string ManufacturerOid = "2.23.133.2.1";

    /// <summary>tcg-at-tpmModel.</summary>
    public const string ModelOid = "2.23.133.2.2";

    /// <summary>tcg-at-tpmVersion.</summary>
    public const string VersionOid = "2.23.133.2.3";

    private const string SubjectAltNameOid = "2.5.29.17";
    private const string ExtendedKeyUsageOid = "2.5.29.37";

    /// <summary>Verifies a tpm statement.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { ver: "2.0", alg, x5c, sig, certInfo, pubArea }.
        var statement = AttestationStatement.Parse(input.Statement);
        if (statement.GetText("ver") != "2.0")
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The TPM statement version is not 2.0.");
        }

        var algorithm = statement.GetAlgorithm("alg");
        var signature = statement.GetBytes("sig");
        var certInfoBytes = statement.GetBytes("certInfo");
        var pubAreaBytes = statement.GetBytes("pubArea");
        var x5c = statement.GetByteStrings("x5c");
        // RS1 here is the attestation (AIK) signer's algorithm, not the credential's: Windows Hello and many laptop TPMs
        // sign attestation statements with RS1, so it is accepted for the statement; credential keys stay RS1 opt-in.
        if (!CoseKey.IsKnown(algorithm, allowRs1: true))
        {
            return AttestationVerifier.Fail(MfaFailureReason.UnsupportedAlgorithm, "The TPM attestation algorithm is not supported.");
        }

        // Step 2: pubArea's parameters and unique fields are the credential public key.
        var pubArea = TpmtPublic.Parse(pubAreaBytes.Span);
        if (!SameKey(pubArea, input.CredentialPublicKey))
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "pubArea is not the credential public key.");
        }

        // Step 4: certInfo is a TPM-generated certify structure over attToBeSigned and over pubArea's Name.
        var certInfo = TpmsAttest.Parse(certInfoBytes.Span);
        if (certInfo.Magic != TpmsAttest.GeneratedValue || certInfo.Type != TpmsAttest.AttestCertify)
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "certInfo is not a TPM-generated certify structure.");
        }

        // Step 3 and 4: extraData = hash(attToBeSigned) with the hash of alg.
        var extraData = CryptographicOperations.HashData(CoseKey.HashFor(algorithm), AttestationVerifier.SignedData(input));
        if (!CryptographicOperations.FixedTimeEquals(extraData, certInfo.ExtraData.Span))
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "certInfo.extraData is not the hash of the authenticator and client data.");
        }

        // TPM 2.0 Part 1 §16: Name = nameAlg || H_nameAlg(pubArea).
        if (!NameMatches(pubArea.NameAlg, pubAreaBytes.Span, certInfo.AttestedName.Span))
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "certInfo does not name pubArea.");
        }

        // Step 5: x5c is present (checked when it was read).
        return AttestationVerifier.WithCertificates(x5c, input, certificates =>
        {
            var aikCert = certificates[0];

            // Step 6: sig is a signature over certInfo by aikCert's key under alg.
            var signatureFailure = AttestationVerifier.SignatureFailure(
                AttestationVerifier.CheckCertificateSignature(aikCert, algorithm, allowRs1: true, certInfoBytes.Span, signature.Span));
            if (signatureFailure is not null)
            {
                return signatureFailure;
            }

            // Step 7: aikCert meets §8.3.1.
            var requirement = CheckAikCertificate(aikCert);
            if (requirement is not null)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, requirement);
            }

            // Step 8: id-fido-gen-ce-aaguid, when present, equals the AAGUID.
            if (!AttestationCertificates.AaguidExtensionMatches(aikCert, input.Aaguid.Span))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The AIK certificate's AAGUID extension differs from the authenticator data.");
            }

            return AttestationVerifier.Success(AttestationType.AttCa, certificates);
        });
    }

    /// <summary>
    /// The §8.3.1 AIK certificate requirements: version 3; empty subject; a subject alternative name with the TPM
    /// manufacturer, model and version (TPMv2-EK-Profile §3.2.9, accepted both as separate RDNs and as one
    /// multi-valued RDN, as real TPMs emit both); extended key usage tcg-kp-AIKCertificate; not a CA.
    /// </summary>
    /// <param name="certificate">The AIK certificate.</param>
    /// <returns>Null when it complies, otherwise which requirement failed.</returns>
    internal static string? CheckAikCertificate(X509Certificate2 certificate)
    {
        if (certificate.Version != 3)
        {
            return "The AIK certificate is not X.509 version 3.";
        }

        // An empty Name is the DER of an empty SEQUENCE.
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual((ReadOnlySpan<byte>)[0x30, 0x00]))
        {
            return "The AIK certificate subject is not empty.";
        }

        var san = certificate.Extensions[SubjectAltNameOid];
        if (san is null || !HasTpmDeviceAttributes(san.RawData))
        {
            return "The AIK certificate lacks the TPM manufacturer, model and version in its subject alternative name.";
        }

        if (certificate.Extensions[ExtendedKeyUsageOid] is not X509EnhancedKeyUsageExtension eku
            || !eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == AikCertificateKeyUsageOid))
        {
            return "The AIK certificate lacks the tcg-kp-AIKCertificate extended key usage.";
        }

        return AttestationCertificates.IsCertificateAuthority(certificate) ? "The AIK certificate is a CA certificate." : null;
    }

    private static bool HasTpmDeviceAttributes(byte[] subjectAltName)
    {
        string? manufacturer = null;
        string? model = null;
        string? version = null;

        // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] Name; Name ::= SEQUENCE OF RDN (SET OF ATAV).
        var reader = new AsnReader(subjectAltName, AsnEncodingRules.BER);
        var names = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var directoryName = new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true);
        while (names.HasData)
        {
            if (!names.PeekTag().HasSameClassAndValue(directoryName))
            {
                _ = names.ReadEncodedValue();
                continue;
            }

            var rdnSequence = names.ReadSequence(directoryName).ReadSequence();
            while (rdnSequence.HasData)
            {
                var rdn = rdnSequence.ReadSetOf(skipSortOrderValidation: true);
                while (rdn.HasData)
                {
                    var attribute = rdn.ReadSequence();
                    var type = attribute.ReadObjectIdentifier();
                    var tag = attribute.PeekTag();
                    var value = tag.TagClass == TagClass.Universal
                        ? attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue)
                        : null;
                    switch (type)
                    {
                        case ManufacturerOid:
                            manufacturer = value;
                            break;
                        case ModelOid:
                            model = value;
                            break;
                        case VersionOid:
                            version = value;
                            break;
                        default:
                            break;
                    }
                }
            }
        }

        // The manufacturer is "id:" and a 4-byte TPM vendor id in hex (TCG TPM Vendor ID Registry).
        return manufacturer is { Length: 11 } && manufacturer.StartsWith("id:", StringComparison.Ordinal)
            && uint.TryParse(manufacturer.AsSpan(3), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out _)
            && !string.IsNullOrEmpty(model) && !string.IsNullOrEmpty(version);
    }

    private static bool SameKey(TpmtPublic pubArea, CoseKey key)
    {
        switch (pubArea.Type)
        {
            case TpmtPublic.AlgRsa when key.KeyType == CoseKeyType.Rsa:
                Span<byte> exponent = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(exponent, pubArea.Exponent);
                return CoseKey.TrimLeadingZeros(pubArea.Modulus.Span).SequenceEqual(key.Modulus.Span)
                    && CoseKey.TrimLeadingZeros(exponent).SequenceEqual(key.Exponent.Span);
            case TpmtPublic.AlgEcc when key.KeyType == CoseKeyType.Ec2:
                // TPM_ECC_NIST_P256/P384/P521 are 3/4/5; COSE P-256/P-384/P-521 are 1/2/3.
                return pubArea.CurveId - 2 == key.Curve
                    && CoseKey.TrimLeadingZeros(pubArea.X.Span).SequenceEqual(CoseKey.TrimLeadingZeros(key.X.Span))
                    && CoseKey.TrimLeadingZeros(pubArea.Y.Span).SequenceEqual(CoseKey.TrimLeadingZeros(key.Y.Span));
            default:
                return false;
        }
    }

    private static bool NameMatches(ushort nameAlg, ReadOnlySpan<byte> pubArea, ReadOnlySpan<byte> name)
    {
        HashAlgorithmName? hash = nameAlg switch
        {
            0x0004 => HashAlgorithmName.SHA1,
            0x000B => HashAlgorithmName.SHA256,
            0x000C => HashAlgorithmName.SHA384,
            0x000D => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (hash is null || name.Length < 2 || BinaryPrimitives.ReadUInt16BigEndian(name) != nameAlg)
        {
            return false;
        }

        var digest = CryptographicOperations.HashData(hash.Value, pubArea);
        return CryptographicOperations.FixedTimeEquals(digest, name[2..]);
    }
}
