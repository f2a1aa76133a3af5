namespace Mfa.WebAuthn.Metadata.Entries;

/// <summary>One <c>StatusReport</c> of a metadata BLOB entry (FIDO MDS3 §3.1.3).</summary>
public sealed class StatusReport
{
    /// <summary>The status.</summary>
    public required AuthenticatorStatus Status { get; init; }

    /// <summary>The status as the BLOB spells it (<c>FIDO_CERTIFIED_L1</c>), also for statuses this version does not know.</summary>
    public required string StatusName { get; init; }

    /// <summary>The date the status became effective, when given.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>The authenticator firmware version the status applies to (and later ones), when given.</summary>
    public long? AuthenticatorVersion { get; init; }

    /// <summary>The FIDO certificate number, when given.</summary>
    public string? CertificateNumber { get; init; }

    /// <summary>A URL with more information, when given.</summary>
    public string? Url { get; init; }
}
