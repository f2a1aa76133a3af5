using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The outcome of <see cref="RegistrationProcedure"/> (WebAuthn L3 §7.1): the new credential record, or why not.</summary>
internal sealed class RegistrationOutcome
{
    [MemberNotNullWhen(true, nameof(Credential))]
    public bool Succeeded => Failure == MfaFailureReason.None;

    public MfaFailureReason Failure { get; private init; }

    public string? Message { get; private init; }

    /// <summary>The credential record of step 27, on success.</summary>
    public WebAuthnCredentialInfo? Credential { get; private init; }

    /// <summary>The authenticator data flags at registration, on success.</summary>
    public AuthenticatorDataFlags Flags { get; private init; }

    public IReadOnlyList<X509Certificate2> TrustPath { get; private init; } = [];

    /// <summary>Whether the trust path chains to the AAGUID's configured anchors or the model's metadata roots; <see langword="null"/> when none are configured for it.</summary>
    public bool? Trusted { get; private init; }

    /// <summary>The authenticator's model, when the trust source knows it (also on an <see cref="MfaFailureReason.AuthenticatorStatusRefused"/> failure).</summary>
    public AuthenticatorModel? Model { get; private init; }

    public static RegistrationOutcome Fail(MfaFailureReason failure, string? message, AuthenticatorModel? model = null) => new() { Failure = failure, Message = message, Model = model };

    public static RegistrationOutcome Success(WebAuthnCredentialInfo credential, AuthenticatorDataFlags flags, IReadOnlyList<X509Certificate2> trustPath, bool? trusted, AuthenticatorModel? model) =>
        new() { Credential = credential, Flags = flags, TrustPath = trustPath, Trusted = trusted, Model = model };
}
