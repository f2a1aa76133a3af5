using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>MDS3 §3.2 step 2: where the CRLs of a BLOB's signing chain are published (the certificates' CRL distribution points).</summary>
internal static class CrlLocations
{
    /// <summary>The http(s) CRL distribution point URLs named by the certificates in a BLOB's x5c (none if the BLOB does not parse).</summary>
    /// <param name="blob">The compact JWS.</param>
    /// <returns>The distinct URLs, in certificate order.</returns>
    public static IReadOnlyList<Uri> Of(ReadOnlyMemory<byte> blob)
    {
        if (!CompactJws.TryParse(blob, out var jws) || jws is null || !JwsHeader.TryParse(jws.Header, out var header) || header is null)
        {
            return [];
        }

        var urls = new List<Uri>();
        foreach (var der in header.X5c)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(der);
                if (certificate.Extensions[Oids.CrlDistributionPoints] is { } extension)
                {
                    urls.AddRange(Read(extension.RawData).Where(u => !urls.Contains(u)));
                }
            }
            catch (Exception e) when (e is CryptographicException or AsnContentException)
            {
                // A certificate that does not parse names no CRL; verification reports it.
            }
        }

        return urls;
    }

    private static List<Uri> Read(byte[] extensionValue)
    {
        // RFC 5280 §4.2.1.13: SEQUENCE OF DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } … }.
        var urls = new List<Uri>();
        var points = new AsnReader(extensionValue, AsnEncodingRules.DER).ReadSequence();
        var context0 = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
        while (points.HasData)
        {
            var point = points.ReadSequence();
            if (!point.HasData || point.PeekTag() != context0)
            {
                continue;
            }

            var name = point.ReadSequence(context0);
            if (!name.HasData || name.PeekTag() != context0)
            {
                continue;
            }

            var generalNames = name.ReadSequence(context0);
            while (generalNames.HasData)
            {
                if (generalNames.PeekTag() == uriTag)
                {
                    var text = generalNames.ReadCharacterString(UniversalTagNumber.IA5String, uriTag);
                    if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                    {
                        urls.Add(uri);
                    }
                }
                else
                {
                    generalNames.ReadEncodedValue();
                }
            }
        }

        return urls;
    }
}
