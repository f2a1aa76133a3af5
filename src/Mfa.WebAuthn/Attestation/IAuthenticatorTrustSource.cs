namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// Knows authenticator models (for example from the FIDO Metadata Service, package Mfa.WebAuthn.Metadata): their
/// attestation roots, description and whether the host's policy accepts them. Consulted when a registration's
/// attestation trust is evaluated.
/// </summary>
/// <remarks>Implementations must be thread-safe and must not block on I/O: answer from data already loaded and verified.</remarks>
public interface IAuthenticatorTrustSource
{
    /// <summary>Finds the model of a registering authenticator.</summary>
    /// <param name="aaguid">The AAGUID from the attested credential data (<see cref="Guid.Empty"/> for FIDO U2F keys).</param>
    /// <param name="attestationCertificateKeyIdentifiers">
    /// For FIDO U2F keys (empty AAGUID): the lowercase hex SHA-1 of the subjectPublicKey of each attestation certificate,
    /// leaf first, as FIDO metadata lists them; empty otherwise.
    /// </param>
    /// <returns>The model, or <see langword="null"/> when the source does not know it.</returns>
    AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers);
}
