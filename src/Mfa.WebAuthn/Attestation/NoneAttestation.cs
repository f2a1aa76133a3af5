using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>none</c> attestation statement format (WebAuthn L3 §8.7).</summary>
internal static class NoneAttestation
{
    /// <summary>Verifies a none statement: attStmt must be an empty map.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Attestation type None with an empty trust path.</returns>
    public static AttestationResult Verify(AttestationInput input) =>
        AttestationStatement.Parse(input.Statement).Count == 0
            ? AttestationVerifier.Success(AttestationType.None, [])
            : AttestationVerifier.Fail(MfaFailureReason.MalformedInput, "A none attestation statement must be an empty map.");
}
