using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>packed</c> attestation statement format (WebAuthn L3 §8.2).</summary>
internal static class PackedAttestation
{
    /// <summary>Verifies a packed statement, with x5c (Basic/AttCA) or without (self attestation).</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { alg, sig, x5c? }.
        var statement = AttestationStatement.Parse(input.Statement);
        var algorithm = statement.GetAlgorithm("alg");
        var signature = statement.GetBytes("sig");
        var signedData = AttestationVerifier.SignedData(input);

        if (!statement.Has("x5c"))
        {
            // Self attestation: alg must be the credential key's algorithm, and the credential key signs.
            if (algorithm != input.CredentialPublicKey.Algorithm)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "Self attestation alg differs from the credential key's algorithm.");
            }

            return input.CredentialPublicKey.VerifySignature(signedData, signature.Span)
                ? AttestationVerifier.Success(AttestationType.Self, [])
                : AttestationVerifier.Fail(MfaFailureReason.InvalidSignature, "The self attestation signature does not verify.");
        }

        return AttestationVerifier.WithCertificates(statement.GetByteStrings("x5c"), input, certificates =>
        {
            var leaf = certificates[0];

            // Step 2 (x5c): sig verifies with the attestation certificate's key under alg.
            var signatureFailure = AttestationVerifier.SignatureFailure(
                AttestationVerifier.CheckCertificateSignature(leaf, algorithm, input, signedData, signature.Span));
            if (signatureFailure is not null)
            {
                return signatureFailure;
            }

            // The certificate meets §8.2.1.
            var requirement = AttestationCertificates.CheckPackedRequirements(leaf);
            if (requirement is not null)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, requirement);
            }

            // id-fido-gen-ce-aaguid, when present, equals the AAGUID in authenticatorData.
            if (!AttestationCertificates.AaguidExtensionMatches(leaf, input.Aaguid.Span))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The certificate's AAGUID extension differs from the authenticator data.");
            }

            return AttestationVerifier.Success(AttestationType.BasicOrAttCa, certificates);
        });
    }
}
