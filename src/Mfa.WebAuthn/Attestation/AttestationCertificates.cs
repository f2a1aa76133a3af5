using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Attestation;

/// <summary>X.509 checks shared by the attestation statement formats (WebAuthn L3 §8).</summary>
internal static class AttestationCertificates
{
    /// <summary>id-fido-gen-ce-aaguid (WebAuthn L3 §8.2.1).</summary>
    public const string AaguidExtensionOid = "1.3.6.1.4.1.45724.1.1.4";

    private const string BasicConstraintsOid = "2.5.29.19";

    /// <summary>Loads each DER certificate (leaf first).</summary>
    /// <param name="encoded">The x5c entries.</param>
    /// <returns>The certificates.</returns>
    public static List<X509Certificate2> Load(IReadOnlyList<ReadOnlyMemory<byte>> encoded)
    {
        var certificates = new List<X509Certificate2>(encoded.Count);
        foreach (var der in encoded)
        {
            certificates.Add(X509CertificateLoader.LoadCertificate(der.Span));
        }

        return certificates;
    }

    /// <summary>Whether every certificate is inside its validity period at <paramref name="now"/>.</summary>
    /// <param name="certificates">The certificates.</param>
    /// <param name="now">The time.</param>
    /// <returns>Whether all are valid then.</returns>
    public static bool AreValidAt(IEnumerable<X509Certificate2> certificates, DateTimeOffset now)
    {
        foreach (var certificate in certificates)
        {
            // NotBefore/NotAfter are local-kind DateTimes; DateTimeOffset converts them exactly.
            if (now < new DateTimeOffset(certificate.NotBefore) || now > new DateTimeOffset(certificate.NotAfter))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the certificate is marked as a CA. Absent basic constraints mean "not a CA". Parsed with BER rules
    /// because real attestation certificates DER-encode <c>cA = FALSE</c> explicitly (a DER violation that is harmless).
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>Whether cA is true.</returns>
    public static bool IsCertificateAuthority(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[BasicConstraintsOid];
        if (extension is null)
        {
            return false;
        }

        // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
        var reader = new AsnReader(extension.RawData, AsnEncodingRules.BER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        return sequence.HasData && sequence.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && sequence.ReadBoolean();
    }

    /// <summary>
    /// Checks the id-fido-gen-ce-aaguid extension: when present it must not be critical and must hold exactly the
    /// authenticator data's AAGUID (WebAuthn L3 §8.2.1, §8.3.1).
    /// </summary>
    /// <param name="certificate">The attestation certificate.</param>
    /// <param name="aaguid">The AAGUID from the authenticator data.</param>
    /// <returns>True when absent or equal; false when it differs or is critical.</returns>
    public static bool AaguidExtensionMatches(X509Certificate2 certificate, ReadOnlySpan<byte> aaguid)
    {
        var extension = certificate.Extensions[AaguidExtensionOid];
        if (extension is null)
        {
            return true;
        }

        // The extension value is an OCTET STRING wrapping the 16-byte AAGUID.
        var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
        var value = reader.ReadOctetString();
        reader.ThrowIfNotEmpty();
        return !extension.Critical && value.AsSpan().SequenceEqual(aaguid);
    }

    /// <summary>
    /// The §8.2.1 packed attestation certificate requirements: version 3; subject with C, O, CN and
    /// OU = "Authenticator Attestation"; not a CA.
    /// </summary>
    /// <param name="certificate">The attestation certificate.</param>
    /// <returns>Null when it complies, otherwise which requirement failed.</returns>
    public static string? CheckPackedRequirements(X509Certificate2 certificate)
    {
        if (certificate.Version != 3)
        {
            return "The attestation certificate is not X.509 version 3.";
        }

        string? country = null;
        string? organization = null;
        string? unit = null;
        string? commonName = null;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            var value = rdn.GetSingleElementValue();
            switch (rdn.GetSingleElementType().Value)
            {
                case "2.5.4.6":
                    country = value;
                    break;
                case "2.5.4.10":
                    organization = value;
                    break;
                case "2.5.4.11":
                    unit = value;
                    break;
                case "2.5.4.3":
                    commonName = value;
                    break;
                default:
                    break;
            }
        }

        if (string.IsNullOrEmpty(country) || string.IsNullOrEmpty(organization) || string.IsNullOrEmpty(commonName)
            || unit != "Authenticator Attestation")
        {
            return "The attestation certificate subject lacks C, O, CN or OU=\"Authenticator Attestation\".";
        }

        return IsCertificateAuthority(certificate) ? "The attestation certificate is a CA certificate." : null;
    }

    /// <summary>Disposes every certificate in a list that is not handed out (on failure paths).</summary>
    /// <param name="certificates">The certificates.</param>
    public static void DisposeAll(IEnumerable<X509Certificate2>? certificates)
    {
        if (certificates is null)
        {
            return;
        }

        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
