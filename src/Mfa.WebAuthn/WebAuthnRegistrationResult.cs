using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn;

/// <summary>The outcome of verifying a registration response (WebAuthn L3 §7.1) with <see cref="WebAuthnVerifier"/>.</summary>
public sealed class WebAuthnRegistrationResult : MfaResult
{
    private WebAuthnRegistrationResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>Whether the registration verified.</summary>
    [MemberNotNullWhen(true, nameof(Credential))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The credential to store (on success).</summary>
    public WebAuthnCredentialInfo? Credential { get; private init; }

    /// <summary>The attestation trust path, leaf first (empty for none and self attestation).</summary>
    public IReadOnlyList<X509Certificate2> TrustPath { get; private init; } = [];

    /// <summary>
    /// Whether the trust path chains to a configured anchor for the AAGUID or, with an <see cref="IAuthenticatorTrustSource"/>,
    /// to the model's attestation roots; <see langword="null"/> when neither has any.
    /// </summary>
    public bool? Trusted { get; private init; }

    /// <summary>
    /// The authenticator's model when an <see cref="IAuthenticatorTrustSource"/> knows it: on success, and on an
    /// <see cref="MfaFailureReason.AuthenticatorStatusRefused"/> failure (its <see cref="AuthenticatorModel.RefusedStatus"/> says why).
    /// </summary>
    public AuthenticatorModel? Model { get; private init; }

    internal static WebAuthnRegistrationResult From(Ceremonies.RegistrationOutcome outcome) => outcome.Succeeded
        ? new(MfaFailureReason.None, null) { Credential = outcome.Credential, TrustPath = outcome.TrustPath, Trusted = outcome.Trusted, Model = outcome.Model }
        : Failure(outcome.Failure, outcome.Message, outcome.Model);

    internal static WebAuthnRegistrationResult Failure(MfaFailureReason reason, string? message, AuthenticatorModel? model = null) => new(reason, message) { Model = model };
}
