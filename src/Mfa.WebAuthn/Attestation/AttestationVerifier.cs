namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// Dispatches on the attestation statement format and verifies it (none, packed, fido-u2f, tpm, android-key,
/// android-safetynet, apple, compound). Never throws for bad input. SHARED CONTRACT: keep the signature.
/// </summary>
internal static class AttestationVerifier
{
    /// <summary>Verifies an attestation statement. Trust-anchor evaluation is separate (<see cref="TrustAnchorEvaluator"/>).</summary>
    /// <param name="input">The statement and its context.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input) => throw new NotSupportedException("Not yet implemented (#3)."); // TODO(#3)
}
