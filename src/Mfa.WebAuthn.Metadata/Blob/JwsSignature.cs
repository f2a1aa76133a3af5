using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>Checks a JWS signature (RFC 7518 §3) for the algorithms MDS3 BLOBs use.</summary>
internal static class JwsSignature
{
    /// <summary>Whether <paramref name="algorithm"/> is one this verifier accepts: RS256, PS256, ES256, ES384, ES512.</summary>
    /// <param name="algorithm">The header's <c>alg</c>.</param>
    /// <returns>Whether it is allowed.</returns>
    public static bool IsAllowed(string algorithm) => algorithm is "RS256" or "PS256" or "ES256" or "ES384" or "ES512";

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="signingInput"/> with the certificate's key, as <paramref name="algorithm"/> says.</summary>
    /// <param name="algorithm">An allowed <c>alg</c>.</param>
    /// <param name="signer">The signing certificate.</param>
    /// <param name="signingInput">The exact ASCII bytes <c>header.payload</c>.</param>
    /// <param name="signature">The decoded signature.</param>
    /// <returns>Whether it verifies; a key that does not fit the algorithm never does.</returns>
    public static bool Verify(string algorithm, X509Certificate2 signer, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        try
        {
            return algorithm switch
            {
                "RS256" => VerifyRsa(signer, signingInput, signature, RSASignaturePadding.Pkcs1),
                "PS256" => VerifyRsa(signer, signingInput, signature, RSASignaturePadding.Pss),
                "ES256" => VerifyEcdsa(signer, signingInput, signature, HashAlgorithmName.SHA256, 256),
                "ES384" => VerifyEcdsa(signer, signingInput, signature, HashAlgorithmName.SHA384, 384),
                "ES512" => VerifyEcdsa(signer, signingInput, signature, HashAlgorithmName.SHA512, 521),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            // A key the platform cannot import is as good as a wrong key.
            return false;
        }
    }

    private static bool VerifyRsa(X509Certificate2 signer, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, RSASignaturePadding padding)
    {
        using var rsa = signer.GetRSAPublicKey();

        // RFC 7518 §3.3: a key of size 2048 bits or larger MUST be used.
        return rsa is not null && rsa.KeySize >= 2048 && signature.Length == rsa.KeySize / 8
            && rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, padding);
    }

    private static bool VerifyEcdsa(X509Certificate2 signer, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash, int keySize)
    {
        using var ecdsa = signer.GetECDsaPublicKey();

        // RFC 7518 §3.4: the signature is R ‖ S, each the curve's field size; a DER SEQUENCE is not a JWS signature.
        return ecdsa is not null && ecdsa.KeySize == keySize
            && signature.Length == 2 * ((keySize + 7) / 8)
            && ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
