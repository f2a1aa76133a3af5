using System.Formats.Asn1;
using System.Security.Cryptography;
using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>apple</c> anonymous attestation statement format (WebAuthn L3 §8.8).</summary>
internal static class AppleAttestation
{
    /// <summary>The Apple nonce extension.</summary>
    public const string NonceExtensionOid = "1.2.840.113635.100.8.2";

    /// <summary>Verifies an apple statement.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { x5c: [credCert, ...] }.
        var statement = AttestationStatement.Parse(input.Statement);
        return AttestationVerifier.WithCertificates(statement.GetByteStrings("x5c"), input, certificates =>
        {
            var credCert = certificates[0];

            // Steps 2-4: nonce = SHA-256(authenticatorData || clientDataHash) is the value of the nonce extension.
            var nonce = SHA256.HashData(AttestationVerifier.SignedData(input));
            var extension = credCert.Extensions[NonceExtensionOid];
            if (extension is null)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The Apple nonce extension is missing.");
            }

            // The extension holds SEQUENCE { [1] EXPLICIT OCTET STRING nonce }.
            var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var tagged = sequence.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true));
            sequence.ThrowIfNotEmpty();
            var certifiedNonce = tagged.ReadOctetString();
            tagged.ThrowIfNotEmpty();
            if (!CryptographicOperations.FixedTimeEquals(certifiedNonce, nonce))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The Apple nonce does not match the authenticator and client data.");
            }

            // Step 5: the credential public key equals credCert's subject public key.
            if (!input.CredentialPublicKey.MatchesCertificate(credCert))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The credential key differs from the Apple certificate's key.");
            }

            return AttestationVerifier.Success(AttestationType.AnonCa, certificates);
        });
    }
}
