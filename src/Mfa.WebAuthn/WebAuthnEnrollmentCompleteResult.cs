using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn.Attestation;

namespace Mfa.WebAuthn;

/// <summary>A verified WebAuthn registration: the new record, the credential, and what its attestation proved.</summary>
public sealed class WebAuthnEnrollmentCompleteResult : EnrollmentCompleteResult
{
    internal WebAuthnEnrollmentCompleteResult(AuthenticatorRecord authenticator, WebAuthnCredentialInfo credential, IReadOnlyList<X509Certificate2> trustPath, bool? trusted)
        : base(authenticator)
    {
        Credential = credential;
        TrustPath = trustPath;
        Trusted = trusted;
    }

    /// <summary>The registered credential.</summary>
    public WebAuthnCredentialInfo Credential { get; }

    /// <summary>The attestation type (also on <see cref="Credential"/>).</summary>
    public AttestationType AttestationType => Credential.AttestationType;

    /// <summary>The attestation trust path: the x5c certificates, leaf first (empty for none and self attestation).</summary>
    public IReadOnlyList<X509Certificate2> TrustPath { get; }

    /// <summary>
    /// Whether the trust path chains to a configured anchor for the credential's AAGUID; <see langword="null"/> when no
    /// anchors are configured for it.
    /// </summary>
    public bool? Trusted { get; }
}
