using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>What a metadata BLOB is verified against: trust anchors, CRLs, the time, and the <c>no</c> of the BLOB already held.</summary>
public sealed class MetadataBlobVerificationSettings
{
    /// <summary>The MDS root certificates the x5c chain must end in (production: GlobalSign Root CA - R3). Never taken from the BLOB.</summary>
    public required IReadOnlyList<X509Certificate2> TrustAnchors { get; init; }

    /// <summary>The CRLs of the chain's issuers (DER or PEM), supplied by the host: the verifier never downloads.</summary>
    /// <value>Default empty.</value>
    public IReadOnlyList<ReadOnlyMemory<byte>> RevocationLists { get; init; } = [];

    /// <summary>Whether every certificate of the chain (except the anchor) must be covered by a current CRL of its issuer.</summary>
    /// <value>Default <see langword="true"/> (MDS3 §3.2 step 5); switch off only deliberately, for example for an offline test.</value>
    public bool RequireRevocationCheck { get; init; } = true;

    /// <summary>The time certificates and CRLs are checked at (from a <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset VerificationTime { get; init; }

    /// <summary>The <c>no</c> of the BLOB already cached; a BLOB whose <c>no</c> is not greater is refused (MDS3 §3.2 step 6).</summary>
    /// <value>Default <see langword="null"/>: no BLOB cached yet.</value>
    public long? PreviousNumber { get; init; }
}
