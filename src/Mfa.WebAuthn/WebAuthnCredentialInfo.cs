using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn;

/// <summary>What a registration established about a credential (the WebAuthn L3 §4 credential record). Nothing in it is secret.</summary>
public sealed class WebAuthnCredentialInfo
{
    internal WebAuthnCredentialInfo()
    {
    }

    /// <summary>The credential id, base64url.</summary>
    public required string Id { get; init; }

    /// <summary>The credential public key as a COSE_Key (RFC 9052 §7), exactly as the authenticator encoded it.</summary>
    public required ReadOnlyMemory<byte> PublicKey { get; init; }

    /// <summary>The key's COSE algorithm.</summary>
    public required CoseAlgorithm Algorithm { get; init; }

    /// <summary>The signature counter at registration.</summary>
    public required uint SignCount { get; init; }

    /// <summary>The authenticator model (all zeros for U2F keys and when the client hid it).</summary>
    public required Guid Aaguid { get; init; }

    /// <summary>The attestation statement format (<c>none</c>, <c>packed</c>, <c>tpm</c>, ...).</summary>
    public required string Format { get; init; }

    /// <summary>The attestation type the statement conveyed.</summary>
    public required AttestationType AttestationType { get; init; }

    /// <summary>Whether the credential may be backed up (a multi-device passkey).</summary>
    public required bool BackupEligible { get; init; }

    /// <summary>Whether the credential is backed up now.</summary>
    public required bool BackupState { get; init; }

    /// <summary>Whether the authenticator verified the user at registration.</summary>
    public required bool UserVerified { get; init; }

    /// <summary>Whether the credential is discoverable, as the client reported (<c>credProps.rk</c>), if it did.</summary>
    public bool? Discoverable { get; init; }

    /// <summary>The transports the client reported (<c>usb</c>, <c>nfc</c>, <c>ble</c>, <c>smart-card</c>, <c>hybrid</c>, <c>internal</c>).</summary>
    public required IReadOnlyList<string> Transports { get; init; }

    /// <summary>The kind of authenticator.</summary>
    public required WebAuthnAuthenticatorKind Kind { get; init; }
}
