namespace Mfa.WebAuthn.Metadata.Diagnostics;

/// <summary>The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of the FIDO metadata events.</summary>
public static class MetadataEventIds
{
    /// <summary>A metadata BLOB verified and replaced the one held.</summary>
    public const int BlobLoaded = 3100;

    /// <summary>A metadata BLOB failed verification; the one held stays.</summary>
    public const int BlobRefused = 3101;

    /// <summary>The BLOB held is past its nextUpdate: a newer one is due.</summary>
    public const int BlobStale = 3102;

    /// <summary>A registering authenticator's model was refused for its metadata status.</summary>
    public const int ModelRefused = 3103;

    /// <summary>Downloading the BLOB or a CRL failed.</summary>
    public const int DownloadFailed = 3104;
}
