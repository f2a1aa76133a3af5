using System.Security.Cryptography.X509Certificates;
using Mfa.WebAuthn.Metadata.Policy;

namespace Mfa.WebAuthn.Metadata;

/// <summary>Options of the FIDO Metadata Service integration: trust anchors, revocation, status policy and the optional download.</summary>
/// <remarks>
/// <code>
/// services.AddMfa(…).AddWebAuthn(…).AddFidoMetadata(o =>
/// {
///     o.TrustAnchors = [X509CertificateLoader.LoadCertificateFromFile("globalsign-root-r3.der")];
///     o.EnableDownload = true;
///     o.CacheDirectory = "/var/lib/myapp/mds";
/// });
/// </code>
/// </remarks>
public sealed class FidoMetadataOptions
{
    /// <summary>The official MDS3 BLOB location.</summary>
    public static Uri OfficialBlobUrl { get; } = new("https://mds3.fidoalliance.org/");

    /// <summary>The roots a BLOB's signing chain must end in. Production: GlobalSign Root CA - R3 (SHA-256 <c>cbb522d7…c963c53b</c>), obtained once and pinned.</summary>
    /// <value>Required; at least one.</value>
    public IReadOnlyList<X509Certificate2> TrustAnchors { get; set; } = [];

    /// <summary>Whether each BLOB's signing chain must be covered by current CRLs (MDS3 §3.2 step 5).</summary>
    /// <value>Default <see langword="true"/>. Switch off only deliberately (an air-gapped host without CRLs).</value>
    public bool RequireRevocationCheck { get; set; } = true;

    /// <summary>Which models registration accepts.</summary>
    /// <value>Default: refuse REVOKED, USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE, USER_KEY_REMOTE_COMPROMISE, USER_KEY_PHYSICAL_COMPROMISE.</value>
    public AuthenticatorStatusPolicy StatusPolicy { get; set; } = new();

    /// <summary>Whether the hosted refresh service downloads the BLOB (and its CRLs) from <see cref="BlobUrl"/> on a schedule.</summary>
    /// <value>Default <see langword="false"/>: offline; the host calls <see cref="Provider.FidoMetadataProvider.Refresh"/>.</value>
    public bool EnableDownload { get; set; }

    /// <summary>Where the BLOB is downloaded from.</summary>
    /// <value>Default <see cref="OfficialBlobUrl"/>; an absolute https URL.</value>
    public Uri BlobUrl { get; set; } = OfficialBlobUrl;

    /// <summary>How often the hosted service downloads.</summary>
    /// <value>Default 1 day; 1 minute to 31 days.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A directory where the last BLOB that verified (and its CRLs) is kept, and loaded from at start-up.</summary>
    /// <value>Default <see langword="null"/>: nothing kept on disk.</value>
    public string? CacheDirectory { get; set; }

    /// <summary>The largest BLOB or CRL accepted, in bytes.</summary>
    /// <value>Default 64 MiB; 1 KiB to 1 GiB.</value>
    public int MaxDownloadSize { get; set; } = 64 * 1024 * 1024;
}
