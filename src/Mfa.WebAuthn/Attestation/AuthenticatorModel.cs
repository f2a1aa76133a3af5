using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Attestation;

/// <summary>What an <see cref="IAuthenticatorTrustSource"/> knows about an authenticator model.</summary>
public sealed class AuthenticatorModel
{
    /// <summary>The model's AAGUID (<see cref="Guid.Empty"/> for a FIDO U2F model found by key identifier).</summary>
    public Guid Aaguid { get; init; }

    /// <summary>The model's name, for example "YubiKey 5 Series with NFC": a good default name for the registered authenticator.</summary>
    public required string Description { get; init; }

    /// <summary>The roots the model's attestation statements must chain to; empty when the source has none.</summary>
    /// <value>Default empty. Shared instances: do not dispose them.</value>
    public IReadOnlyList<X509Certificate2> AttestationRoots { get; init; } = [];

    /// <summary>The model's current status as the source spells it (for FIDO metadata: <c>FIDO_CERTIFIED_L1</c>, <c>REVOKED</c>…), if known.</summary>
    public string? Status { get; init; }

    /// <summary>When the host's policy refuses the model: the status that refuses it (<c>REVOKED</c>); <see langword="null"/> when accepted.</summary>
    public string? RefusedStatus { get; init; }
}
