namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>The object identifiers the BLOB verifier looks for.</summary>
internal static class Oids
{
    /// <summary>id-ce-basicConstraints (RFC 5280 §4.2.1.9).</summary>
    public const string BasicConstraints = "2.5.29.19";

    /// <summary>id-ce-cRLDistributionPoints (RFC 5280 §4.2.1.13).</summary>
    public const string CrlDistributionPoints = "2.5.29.31";
}
