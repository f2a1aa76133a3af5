using System.Security.Cryptography.X509Certificates;
using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The outcome of verifying one attestation statement.</summary>
internal sealed class AttestationResult
{
    /// <summary>Whether the statement verified.</summary>
    public bool Succeeded => Failure == MfaFailureReason.None;

    /// <summary>InvalidAttestation, UnsupportedAttestationFormat, MalformedInput, CertificateInvalid, UnsupportedAlgorithm, ...</summary>
    public MfaFailureReason Failure { get; init; }

    /// <summary>A secret-free explanation (which check failed).</summary>
    public string? Message { get; init; }

    /// <summary>The attestation type.</summary>
    public AttestationType Type { get; init; }

    /// <summary>The trust path: the x5c certificates, leaf first (empty for none and self).</summary>
    public IReadOnlyList<X509Certificate2> TrustPath { get; init; } = [];

    /// <summary>For <c>compound</c>: each contained statement's result, in order (empty otherwise).</summary>
    public IReadOnlyList<AttestationResult> Components { get; init; } = [];
}
