namespace Mfa.WebAuthn.Attestation;

/// <summary>The attestation type (WebAuthn L3 §6.5.4) a verified attestation statement conveys.</summary>
public enum AttestationType
{
    /// <summary>No attestation (<c>none</c> format).</summary>
    None = 0,

    /// <summary>Self attestation: signed by the credential key itself.</summary>
    Self = 1,

    /// <summary>Basic or AttCA attestation with a certificate chain (indistinguishable without metadata).</summary>
    BasicOrAttCa = 2,

    /// <summary>Attestation CA (TPM AIK certificates).</summary>
    AttCa = 3,

    /// <summary>Anonymization CA (Apple).</summary>
    AnonCa = 4,

    /// <summary>Basic attestation (android-key, android-safetynet: the certificate is the device model's, never a per-key CA's).</summary>
    Basic = 5,
}
