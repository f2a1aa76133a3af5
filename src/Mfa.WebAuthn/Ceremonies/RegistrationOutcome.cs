using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The outcome of verifying a registration (WebAuthn L3 §7.1), before the uniqueness check against the store.</summary>
internal sealed class RegistrationOutcome
{
    public bool Succeeded => Failure == MfaFailureReason.None;

    public MfaFailureReason Failure { get; init; }

    public string? Message { get; init; }

    public ReadOnlyMemory<byte> CredentialId { get; init; }

    public CoseKey? PublicKey { get; init; }

    public Guid Aaguid { get; init; }

    public uint SignCount { get; init; }

    public AuthenticatorDataFlags Flags { get; init; }

    public string Format { get; init; } = string.Empty;

    public AttestationType AttestationType { get; init; }

    public IReadOnlyList<X509Certificate2> TrustPath { get; init; } = [];

    /// <summary>Whether the trust path chains to the AAGUID's configured anchors or the model's metadata roots; <see langword="null"/> when none are configured for it.</summary>
    public bool? Trusted { get; init; }

    /// <summary>The authenticator's model, when the trust source knows it (also on an <see cref="MfaFailureReason.AuthenticatorStatusRefused"/> failure).</summary>
    public AuthenticatorModel? Model { get; init; }

    public static RegistrationOutcome Fail(MfaFailureReason failure, string? message) => new() { Failure = failure, Message = message };
}
