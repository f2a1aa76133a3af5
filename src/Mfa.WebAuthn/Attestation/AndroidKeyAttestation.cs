using System.Security.Cryptography;
using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>android-key</c> attestation statement format (WebAuthn L3 §8.4).</summary>
internal static class AndroidKeyAttestation
{
    /// <summary>Verifies an android-key statement.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    /// <remarks>
    /// origin and purpose are checked on the union of teeEnforced and softwareEnforced (the spec's default; a
    /// relying party that accepts only TEE-backed keys needs metadata or policy on top).
    /// </remarks>
    public static AttestationResult Verify(AttestationInput input)
    {
        // Step 1: attStmt = { alg, sig, x5c }.
        var statement = AttestationStatement.Parse(input.Statement);
        var algorithm = statement.GetAlgorithm("alg");
        var signature = statement.GetBytes("sig");
        return AttestationVerifier.WithCertificates(statement.GetByteStrings("x5c"), input, certificates =>
        {
            var leaf = certificates[0];

            // Step 2: sig verifies over authenticatorData || clientDataHash with the leaf's key under alg.
            var signatureFailure = AttestationVerifier.SignatureFailure(
                AttestationVerifier.CheckCertificateSignature(leaf, algorithm, input, AttestationVerifier.SignedData(input), signature.Span));
            if (signatureFailure is not null)
            {
                return signatureFailure;
            }

            // Step 3: the leaf's public key is the credential public key.
            if (!input.CredentialPublicKey.MatchesCertificate(leaf))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The credential key differs from the attestation certificate's key.");
            }

            // Step 4: the key description's attestationChallenge is clientDataHash.
            var extension = leaf.Extensions[AndroidKeyDescription.ExtensionOid];
            if (extension is null)
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The Android key description extension is missing.");
            }

            var description = AndroidKeyDescription.Parse(extension.RawData);
            if (!CryptographicOperations.FixedTimeEquals(description.AttestationChallenge.Span, input.ClientDataHash.Span))
            {
                return AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, "The Android attestation challenge is not the client data hash.");
            }

            var failure = CheckAuthorizations(description);
            return failure is null
                ? AttestationVerifier.Success(AttestationType.Basic, certificates)
                : AttestationVerifier.Fail(MfaFailureReason.InvalidAttestation, failure);
        });
    }

    private static string? CheckAuthorizations(AndroidKeyDescription description)
    {
        var software = description.SoftwareEnforced;
        var tee = description.TeeEnforced;

        // allApplications absent from both lists: the key must be scoped to the RP ID.
        if (software.AllApplications || tee.AllApplications)
        {
            return "The Android key is usable by all applications.";
        }

        // origin == KM_ORIGIN_GENERATED and purpose == KM_PURPOSE_SIGN, checked where the lists carry them: the
        // spec's own android-key test vector has empty authorization lists and is valid.
        if ((software.Origin is { } so && so != AndroidKeyDescription.OriginGenerated)
            || (tee.Origin is { } to && to != AndroidKeyDescription.OriginGenerated))
        {
            return "The Android key was not generated in the keystore.";
        }

        if (software.Purposes.Concat(tee.Purposes).Any(p => p != AndroidKeyDescription.PurposeSign))
        {
            return "The Android key's purpose is not signing only.";
        }

        return null;
    }
}
