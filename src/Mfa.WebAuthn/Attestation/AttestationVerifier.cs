using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// Dispatches on the attestation statement format and verifies it (none, packed, fido-u2f, tpm, android-key,
/// android-safetynet, apple, compound). Never throws for bad input.
/// </summary>
/// <remarks>
/// Failure reasons: <see cref="MfaFailureReason.UnsupportedAttestationFormat"/> (unknown fmt),
/// <see cref="MfaFailureReason.MalformedInput"/> (attStmt or a structure inside it does not parse),
/// <see cref="MfaFailureReason.InvalidSignature"/> (the attestation signature does not verify),
/// <see cref="MfaFailureReason.InvalidAttestation"/> (any other check of the format's verification procedure, for
/// example an AAGUID extension mismatch), <see cref="MfaFailureReason.CertificateInvalid"/> (a certificate outside its
/// validity period at <see cref="AttestationInput.Now"/>), <see cref="MfaFailureReason.UnsupportedAlgorithm"/> (an
/// unknown or disabled algorithm), <see cref="MfaFailureReason.Expired"/> (a SafetyNet response timestamp outside
/// ±60 s of <see cref="AttestationInput.Now"/>) and <see cref="MfaFailureReason.PolicyViolation"/> (SafetyNet
/// ctsProfileMatch false while required).
/// </remarks>
internal static class AttestationVerifier
{
    /// <summary>Verifies an attestation statement. Trust-anchor evaluation is separate (<see cref="TrustAnchorEvaluator"/>).</summary>
    /// <param name="input">The statement and its context.</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return Dispatch(input, allowCompound: true);
        }
        catch (Exception e) when (CborInput.IsMalformedInput(e))
        {
            // The single place where parse errors inside any format become a typed failure.
            return Fail(MfaFailureReason.MalformedInput, "The attestation statement is malformed.");
        }
    }

    /// <summary>Verifies one statement of a known format; <c>compound</c> only when <paramref name="allowCompound"/>.</summary>
    /// <param name="input">The statement and its context.</param>
    /// <param name="allowCompound">Whether the compound format is acceptable here (not inside another compound).</param>
    /// <returns>The result.</returns>
    internal static AttestationResult Dispatch(AttestationInput input, bool allowCompound) => input.Format switch
    {
        "none" => NoneAttestation.Verify(input),
        "packed" => PackedAttestation.Verify(input),
        "fido-u2f" => FidoU2fAttestation.Verify(input),
        "tpm" => TpmAttestation.Verify(input),
        "android-key" => AndroidKeyAttestation.Verify(input),
        "android-safetynet" => AndroidSafetyNetAttestation.Verify(input),
        "apple" => AppleAttestation.Verify(input),
        AttestationObject.CompoundFormat when allowCompound => CompoundAttestation.Verify(input),
        AttestationObject.CompoundFormat => Fail(MfaFailureReason.InvalidAttestation, "A compound statement cannot contain another compound statement."),
        _ => Fail(MfaFailureReason.UnsupportedAttestationFormat, UnsupportedFormatMessage),
    };

    /// <summary>The message of an <see cref="MfaFailureReason.UnsupportedAttestationFormat"/> failure.</summary>
    internal const string UnsupportedFormatMessage = "The attestation statement format is not supported.";

    /// <summary>
    /// Whether <paramref name="format"/> is a supported attestation statement format identifier, matched case-sensitively
    /// (WebAuthn L3 §7.1 step 21); <see cref="Dispatch"/> verifies exactly these.
    /// </summary>
    /// <param name="format">The <c>fmt</c> of the attestation object.</param>
    /// <returns>Whether a verification procedure exists for it.</returns>
    internal static bool IsSupportedFormat(string format) =>
        format is "none" or "packed" or "fido-u2f" or "tpm" or "android-key" or "android-safetynet" or "apple" or AttestationObject.CompoundFormat;

    /// <summary>A failed result.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="message">Which check failed (secret-free).</param>
    /// <returns>The result.</returns>
    internal static AttestationResult Fail(MfaFailureReason reason, string message) => new() { Failure = reason, Message = message };

    /// <summary>A successful result.</summary>
    /// <param name="type">The attestation type.</param>
    /// <param name="trustPath">The trust path, leaf first.</param>
    /// <returns>The result.</returns>
    internal static AttestationResult Success(AttestationType type, IReadOnlyList<X509Certificate2> trustPath) =>
        new() { Type = type, TrustPath = trustPath };

    /// <summary>authenticatorData || clientDataHash: the bytes most formats sign.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The concatenation.</returns>
    internal static byte[] SignedData(AttestationInput input) => [.. input.AuthenticatorData.Span, .. input.ClientDataHash.Span];

    /// <summary>
    /// Loads x5c, checks every certificate's validity at <see cref="AttestationInput.Now"/>, runs the format's checks,
    /// and disposes the certificates unless they are handed out in a successful result.
    /// </summary>
    /// <param name="x5c">The DER certificates, leaf first.</param>
    /// <param name="input">The input.</param>
    /// <param name="verify">The format's checks.</param>
    /// <returns>The result.</returns>
    internal static AttestationResult WithCertificates(IReadOnlyList<ReadOnlyMemory<byte>> x5c, AttestationInput input, Func<List<X509Certificate2>, AttestationResult> verify)
    {
        List<X509Certificate2>? certificates = null;
        var handedOut = false;
        try
        {
            certificates = AttestationCertificates.Load(x5c);
            if (!AttestationCertificates.AreValidAt(certificates, input.Now))
            {
                return Fail(MfaFailureReason.CertificateInvalid, "An attestation certificate is outside its validity period.");
            }

            var result = verify(certificates);
            handedOut = result.Succeeded;
            return result;
        }
        finally
        {
            if (!handedOut)
            {
                AttestationCertificates.DisposeAll(certificates);
            }
        }
    }

    /// <summary>Verifies a signature made with a certificate's key under a COSE algorithm.</summary>
    /// <param name="certificate">The signing certificate.</param>
    /// <param name="algorithm">The algorithm the statement names.</param>
    /// <param name="input">The input (for <see cref="AttestationInput.AllowRs1"/>).</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>None, UnsupportedAlgorithm, InvalidAttestation (key does not fit the algorithm) or InvalidSignature.</returns>
    internal static MfaFailureReason CheckCertificateSignature(X509Certificate2 certificate, CoseAlgorithm algorithm, AttestationInput input, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        CheckCertificateSignature(certificate, algorithm, input.AllowRs1, data, signature);

    /// <summary>Verifies a signature made with a certificate's key, with RS1 allowed or not by the caller.</summary>
    /// <param name="certificate">The signing certificate.</param>
    /// <param name="algorithm">The algorithm the statement names.</param>
    /// <param name="allowRs1">Whether RS1 is accepted for this signature.</param>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>None, UnsupportedAlgorithm, InvalidAttestation (key does not fit the algorithm) or InvalidSignature.</returns>
    internal static MfaFailureReason CheckCertificateSignature(X509Certificate2 certificate, CoseAlgorithm algorithm, bool allowRs1, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!CoseKey.IsKnown(algorithm, allowRs1))
        {
            return MfaFailureReason.UnsupportedAlgorithm;
        }

        if (!CoseKey.TryFromCertificate(certificate, algorithm, allowRs1, out var key))
        {
            return MfaFailureReason.InvalidAttestation;
        }

        return key.VerifySignature(data, signature) ? MfaFailureReason.None : MfaFailureReason.InvalidSignature;
    }

    /// <summary>Turns a <c>CheckCertificateSignature</c> outcome into a failed result (or null on success).</summary>
    /// <param name="reason">The outcome.</param>
    /// <returns>The failure, or null.</returns>
    internal static AttestationResult? SignatureFailure(MfaFailureReason reason) => reason switch
    {
        MfaFailureReason.None => null,
        MfaFailureReason.UnsupportedAlgorithm => Fail(reason, "The attestation signature algorithm is not supported."),
        MfaFailureReason.InvalidAttestation => Fail(reason, "The attestation certificate key does not fit the signature algorithm."),
        _ => Fail(MfaFailureReason.InvalidSignature, "The attestation signature does not verify."),
    };
}
