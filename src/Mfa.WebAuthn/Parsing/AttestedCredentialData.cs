namespace Mfa.WebAuthn.Parsing;

/// <summary>Attested credential data (WebAuthn L3 §6.5.1).</summary>
internal sealed class AttestedCredentialData
{
    /// <summary>The AAGUID (16 bytes).</summary>
    public required ReadOnlyMemory<byte> Aaguid { get; init; }

    /// <summary>The credential id (at most 1023 bytes).</summary>
    public required ReadOnlyMemory<byte> CredentialId { get; init; }

    /// <summary>The exact COSE_Key bytes of the credential public key.</summary>
    public required ReadOnlyMemory<byte> CredentialPublicKey { get; init; }
}
