using Mfa.Core;

namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// Applies an <see cref="IAuthenticatorTrustSource"/> (FIDO metadata) to a registration verified with
/// <see cref="WebAuthnVerifier"/>: the model's roots as trust anchors, its status under the host's policy, its name.
/// </summary>
public static class AttestationTrustCheck
{
    /// <summary>Evaluates a verified registration against the authenticator models <paramref name="source"/> knows.</summary>
    /// <param name="registration">A successful <see cref="WebAuthnVerifier.VerifyRegistration"/> result.</param>
    /// <param name="source">The model source.</param>
    /// <param name="now">The time certificates are checked at (the registration's).</param>
    /// <returns>
    /// Success with <see cref="AttestationTrustCheckResult.Trusted"/> and the model's name, or
    /// <see cref="MfaFailureReason.AuthenticatorStatusRefused"/> naming the refused status; a failed registration's own failure otherwise.
    /// </returns>
    public static AttestationTrustCheckResult Evaluate(WebAuthnRegistrationResult registration, IAuthenticatorTrustSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(source);
        if (!registration.Succeeded)
        {
            return new AttestationTrustCheckResult(registration.FailureReason, registration.Message);
        }

        var outcome = AttestationTrustEvaluator.Evaluate(
            registration.Credential.Aaguid,
            registration.TrustPath,
            new Dictionary<Guid, IReadOnlyCollection<System.Security.Cryptography.X509Certificates.X509Certificate2>>(),
            source,
            now,
            registration.Credential.Format);
        return new AttestationTrustCheckResult(outcome.Failure, outcome.Message)
        {
            Aaguid = outcome.Aaguid,
            Trusted = registration.Trusted == true ? true : outcome.Trusted ?? registration.Trusted,
            Model = outcome.Model,
        };
    }
}
