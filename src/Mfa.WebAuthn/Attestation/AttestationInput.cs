using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Attestation;

/// <summary>What an attestation statement verifier needs (WebAuthn L3 §7.1 step 22).</summary>
internal sealed class AttestationInput
{
    /// <summary>The attestation statement format (<c>fmt</c>).</summary>
    public required string Format { get; init; }

    /// <summary>The encoded CBOR of <c>attStmt</c> (exactly one map, as sliced from the attestation object; an array for <c>compound</c>).</summary>
    public required ReadOnlyMemory<byte> Statement { get; init; }

    /// <summary>The raw authenticator data.</summary>
    public required ReadOnlyMemory<byte> AuthenticatorData { get; init; }

    /// <summary>SHA-256 of the clientDataJSON.</summary>
    public required ReadOnlyMemory<byte> ClientDataHash { get; init; }

    /// <summary>The RP ID hash from the authenticator data.</summary>
    public required ReadOnlyMemory<byte> RpIdHash { get; init; }

    /// <summary>The AAGUID from the attested credential data (16 bytes).</summary>
    public required ReadOnlyMemory<byte> Aaguid { get; init; }

    /// <summary>The credential id.</summary>
    public required ReadOnlyMemory<byte> CredentialId { get; init; }

    /// <summary>The decoded credential public key.</summary>
    public required CoseKey CredentialPublicKey { get; init; }

    /// <summary>The time certificates are checked at (from <see cref="TimeProvider"/>, or a pinned time in tests).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Whether RS1 is accepted (TPM attestation of legacy Windows Hello keys).</summary>
    public bool AllowRs1 { get; init; }

    /// <summary>Whether android-safetynet must report ctsProfileMatch = true.</summary>
    public bool RequireSafetyNetCtsProfileMatch { get; init; }
}
