namespace Mfa.WebAuthn.Parsing;

/// <summary>The flags byte of authenticator data (WebAuthn L3 §6.1).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The spec calls this byte 'flags'.")]
public enum AuthenticatorDataFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>User present (bit 0).</summary>
    UserPresent = 0x01,

    /// <summary>User verified (bit 2).</summary>
    UserVerified = 0x04,

    /// <summary>Backup eligible (bit 3).</summary>
    BackupEligible = 0x08,

    /// <summary>Backup state (bit 4).</summary>
    BackupState = 0x10,

    /// <summary>Attested credential data included (bit 6).</summary>
    AttestedCredentialData = 0x40,

    /// <summary>Extension data included (bit 7).</summary>
    ExtensionData = 0x80,
}
