using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The trust decision on a verified attestation: configured anchors and, when present, the authenticator's model.</summary>
internal sealed class AttestationTrustOutcome
{
    public bool Succeeded => Failure == MfaFailureReason.None;

    /// <summary><see cref="MfaFailureReason.None"/> or <see cref="MfaFailureReason.AuthenticatorStatusRefused"/>.</summary>
    public MfaFailureReason Failure { get; init; }

    public string? Message { get; init; }

    /// <summary>Whether the trust path chains to the AAGUID's configured anchors or the model's metadata roots; <see langword="null"/> when neither has any.</summary>
    public bool? Trusted { get; init; }

    /// <summary>The AAGUID of the registering authenticator.</summary>
    public Guid Aaguid { get; init; }

    /// <summary>The model, when the trust source knows it (its <see cref="AuthenticatorModel.Description"/> is the default authenticator name).</summary>
    public AuthenticatorModel? Model { get; init; }
}
