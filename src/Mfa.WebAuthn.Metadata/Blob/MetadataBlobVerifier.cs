using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>
/// Verifies a FIDO Metadata Service v3 BLOB (MDS3 §3.2) and reads its payload. Offline: trust anchors and CRLs come
/// from the caller, never from the BLOB or the network.
/// </summary>
/// <remarks>
/// Checks, in order: compact JWS syntax; <c>alg</c> ∈ {RS256, PS256, ES256, ES384, ES512}; no <c>x5u</c>/<c>jku</c>/<c>jwk</c>/<c>crit</c>;
/// the x5c chain to a configured anchor at the verification time with every issuer a CA; revocation of every
/// non-anchor certificate against the supplied CRLs (required by default); the JWS signature over the exact bytes
/// received (ES signatures in the r‖s form); the payload; <c>no</c> greater than the cached BLOB's. Whatever bytes
/// arrive, the outcome is a result, never an exception.
/// </remarks>
public static class MetadataBlobVerifier
{
    /// <summary>Verifies a BLOB and returns its payload.</summary>
    /// <param name="blob">The compact JWS as downloaded (UTF-8; surrounding whitespace is ignored).</param>
    /// <param name="settings">Trust anchors, CRLs, time and the previous <c>no</c>.</param>
    /// <returns>The payload, or the typed reason it was refused.</returns>
    public static MetadataBlobVerificationResult Verify(ReadOnlyMemory<byte> blob, MetadataBlobVerificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TrustAnchors.Count == 0)
        {
            return Fail(MetadataBlobError.ChainUntrusted, "No trust anchor is configured.");
        }

        if (!CompactJws.TryParse(blob, out var jws) || jws is null)
        {
            return Fail(MetadataBlobError.Malformed, "The BLOB is not a compact JWS.");
        }

        if (!JwsHeader.TryParse(jws.Header, out var header) || header is null)
        {
            return Fail(MetadataBlobError.Malformed, "The BLOB's JWS header is malformed.");
        }

        if (!JwsSignature.IsAllowed(header.Algorithm))
        {
            return Fail(MetadataBlobError.UnsupportedAlgorithm, "The BLOB's signature algorithm is not RS256, PS256, ES256, ES384 or ES512.");
        }

        // MDS3 §3.2 step 4: an offline verifier cannot fetch x5u; keys or chains from elsewhere are never trusted.
        if (header.HasRefusedParameter)
        {
            return Fail(MetadataBlobError.UnsupportedHeader, "The BLOB's header names x5u, jku, jwk or crit, which are not accepted.");
        }

        var certificates = new List<X509Certificate2>(header.X5c.Count);
        try
        {
            foreach (var der in header.X5c)
            {
                if (!TryLoad(der, out var certificate))
                {
                    return Fail(MetadataBlobError.MalformedCertificate, "A certificate in the BLOB's x5c does not parse.");
                }

                certificates.Add(certificate);
            }

            return VerifyWithCertificates(jws, header, certificates, settings);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static MetadataBlobVerificationResult VerifyWithCertificates(CompactJws jws, JwsHeader header, List<X509Certificate2> x5c, MetadataBlobVerificationSettings settings)
    {
        var at = settings.VerificationTime;
        if (x5c.Count == 0)
        {
            // MDS3 §3.2 step 5: without x5u and x5c, the trust anchor itself is the signing certificate.
            var anchor = settings.TrustAnchors.FirstOrDefault(a => JwsSignature.Verify(header.Algorithm, a, jws.SigningInput.Span, jws.Signature));
            if (anchor is null)
            {
                return Fail(MetadataBlobError.BadSignature, "The BLOB has no x5c and no trust anchor's key verifies its signature.");
            }

            return !SigningChain.IsValidAt(anchor, at)
                ? Fail(MetadataBlobError.CertificateExpired, "The trust anchor that signs the BLOB is outside its validity period.")
                : Finish(jws, header, anchor, settings);
        }

        // MDS3 §3.2 step 5: RFC 5280 path validation of x5c to a configured anchor, at the verification time.
        MetadataBlobError error;
        IReadOnlyList<X509Certificate2> chain;
        try
        {
            error = SigningChain.Validate(x5c, settings.TrustAnchors, at, out chain);
        }
        catch (CryptographicException)
        {
            return Fail(MetadataBlobError.MalformedCertificate, "A certificate in the BLOB's x5c cannot be used to build a chain.");
        }

        if (error != MetadataBlobError.None)
        {
            return Fail(error, error == MetadataBlobError.CertificateExpired
                ? "A certificate of the BLOB's signing chain is outside its validity period."
                : "The BLOB's signing chain does not lead to a configured trust anchor.");
        }

        error = SigningChain.CheckRevocation(chain, settings.RevocationLists, settings.RequireRevocationCheck, at);
        if (error != MetadataBlobError.None)
        {
            return Fail(error, error switch
            {
                MetadataBlobError.CertificateRevoked => "A certificate of the BLOB's signing chain is revoked.",
                MetadataBlobError.CrlMissing => "No CRL was supplied for an issuer of the BLOB's signing chain.",
                MetadataBlobError.CrlNotCurrent => "The CRL of an issuer of the BLOB's signing chain is not current.",
                _ => "A supplied CRL does not parse or is not signed by the issuer it names.",
            });
        }

        return Finish(jws, header, x5c[0], settings);
    }

    private static MetadataBlobVerificationResult Finish(CompactJws jws, JwsHeader header, X509Certificate2 signer, MetadataBlobVerificationSettings settings)
    {
        // MDS3 §3.2 step 6: the signature over the bytes as received, with the header's algorithm.
        if (!JwsSignature.Verify(header.Algorithm, signer, jws.SigningInput.Span, jws.Signature))
        {
            return Fail(MetadataBlobError.BadSignature, "The BLOB's signature does not verify.");
        }

        if (!BlobPayload.TryRead(jws.Payload, out var blob) || blob is null)
        {
            return Fail(MetadataBlobError.Malformed, "The BLOB's payload is malformed.");
        }

        // MDS3 §3.2 step 6: ignore a BLOB whose no is less than or equal to the cached one's.
        if (settings.PreviousNumber is { } previous && blob.Number <= previous)
        {
            return Fail(MetadataBlobError.NoNotGreater, $"The BLOB's no {blob.Number} is not greater than the cached BLOB's {previous}.");
        }

        return MetadataBlobVerificationResult.Success(blob);
    }

    private static bool TryLoad(byte[] der, [NotNullWhen(true)] out X509Certificate2? certificate)
    {
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
            return true;
        }
        catch (CryptographicException)
        {
            certificate = null;
            return false;
        }
    }

    private static MetadataBlobVerificationResult Fail(MetadataBlobError error, string message) => MetadataBlobVerificationResult.Failure(error, message);
}
