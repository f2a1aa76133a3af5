using Mfa.Core;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// A credential public key decoded from its COSE_Key encoding (RFC 9052 §7, RFC 9053), checked against its algorithm
/// (key type, curve, point on curve, RSA size), ready to verify WebAuthn signatures.
/// </summary>
/// <remarks>SHARED CONTRACT between the WebAuthn "crypto" and "relying party" work: keep these signatures.</remarks>
internal sealed class CoseKey
{
    private CoseKey(CoseAlgorithm algorithm, ReadOnlyMemory<byte> encoded)
    {
        Algorithm = algorithm;
        Encoded = encoded;
    }

    /// <summary>The key's algorithm (COSE label 3).</summary>
    public CoseAlgorithm Algorithm { get; }

    /// <summary>The exact COSE_Key bytes the key was decoded from.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>
    /// Decodes a COSE_Key (CTAP2 canonical CBOR) and checks its parameters match its algorithm.
    /// Never throws for bad input.
    /// </summary>
    /// <param name="encoded">Exactly one COSE_Key map, no trailing bytes.</param>
    /// <param name="allowRs1">Whether RS1 (-65535) keys are accepted.</param>
    /// <param name="key">The key on success.</param>
    /// <param name="failure">Why decoding failed: MalformedInput, UnsupportedAlgorithm, ...</param>
    /// <returns>Whether the key was decoded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> encoded, bool allowRs1, out CoseKey? key, out MfaFailureReason failure)
    {
        // TODO(#3): implement (crypto work).
        _ = allowRs1;
        key = new CoseKey(CoseAlgorithm.ES256, encoded);
        failure = MfaFailureReason.NotSupported;
        throw new NotSupportedException("Not yet implemented (#3).");
    }

    /// <summary>
    /// Verifies a WebAuthn signature over <paramref name="data"/> (authenticatorData || SHA-256(clientDataJSON), or an
    /// attestation's signed bytes): ECDSA signatures are DER (ASN.1 Ecdsa-Sig-Value), RSA PKCS#1 v1.5 or PSS, EdDSA raw.
    /// Never throws for a malformed signature: returns false.
    /// </summary>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether it verifies.</returns>
    public bool VerifySignature(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => throw new NotSupportedException("Not yet implemented (#3).");
}
