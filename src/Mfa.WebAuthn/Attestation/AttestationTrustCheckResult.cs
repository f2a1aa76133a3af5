using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The outcome of <see cref="AttestationTrustCheck.Evaluate"/>.</summary>
public sealed class AttestationTrustCheckResult : MfaResult
{
    internal AttestationTrustCheckResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>The registering authenticator's AAGUID.</summary>
    public Guid Aaguid { get; internal init; }

    /// <summary>Whether the attestation chains to configured anchors or the model's metadata roots; <see langword="null"/> when none apply.</summary>
    public bool? Trusted { get; internal init; }

    /// <summary>The model, when the source knows it: <see cref="AuthenticatorModel.Description"/> is the default authenticator name.</summary>
    public AuthenticatorModel? Model { get; internal init; }
}
