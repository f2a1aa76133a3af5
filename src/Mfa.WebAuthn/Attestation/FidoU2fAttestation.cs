using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>fido-u2f</c> attestation statement format (WebAuthn L3 §8.6).</summary>
internal static class FidoU2fAttestation
{
    /// <summary>Verifies a fido-u2f statement.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { x5c: [attestnCert], sig }.
        var statement = AttestationStatement.Parse(input.Statement);
        var x5c = statement.GetByteStrings("x5c");
        var signature = statement.GetBytes("sig");

        // Step 2: exactly one certificate.
        if (x5c.Count != 1)
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "fido-u2f x5c must hold exactly one certificate.");
        }

        // Step 4: the credential key is an EC2 P-256 key; publicKeyU2F = 0x04 || x || y.
        var credentialKey = input.CredentialPublicKey;
        if (credentialKey.KeyType != CoseKeyType.Ec2 || credentialKey.Curve != 1)
        {
            return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "fido-u2f requires a P-256 credential key.");
        }

        return AttestationVerifier.WithCertificates(x5c, input, certificates =>
        {
            // Step 5: verificationData = 0x00 || rpIdHash || clientDataHash || credentialId || publicKeyU2F.
            byte[] verificationData =
            [
                0x00, .. input.RpIdHash.Span, .. input.ClientDataHash.Span, .. input.CredentialId.Span,
                0x04, .. credentialKey.X.Span, .. credentialKey.Y.Span,
            ];

            // Steps 2 and 6: the certificate's key is EC P-256 (ES256 fits no other curve) and sig verifies over it.
            var signatureFailure = AttestationVerifier.SignatureFailure(
                AttestationVerifier.CheckCertificateSignature(certificates[0], CoseAlgorithm.ES256, input, verificationData, signature.Span));
            return signatureFailure ?? AttestationVerifier.Success(AttestationType.BasicOrAttCa, certificates);
        });
    }
}
