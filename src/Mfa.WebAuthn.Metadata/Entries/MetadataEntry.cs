using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.WebAuthn.Metadata.Entries;

/// <summary>
/// One entry of a verified metadata BLOB (FIDO MDS3 §3.1.1): which authenticator model it describes (AAGUID for FIDO2,
/// attestation certificate key identifiers for FIDO U2F, AAID for UAF), its description, attestation roots and status.
/// </summary>
public sealed class MetadataEntry
{
    private readonly Lazy<IReadOnlyList<X509Certificate2>> _roots;

    internal MetadataEntry()
    {
        _roots = new Lazy<IReadOnlyList<X509Certificate2>>(LoadRoots, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The AAGUID of a FIDO2 authenticator model, if the entry has one.</summary>
    public Guid? Aaguid { get; init; }

    /// <summary>The AAID of a UAF authenticator, if the entry has one.</summary>
    public string? Aaid { get; init; }

    /// <summary>The attestation certificate key identifiers of a FIDO U2F model: lowercase hex SHA-1 of the certificate's subjectPublicKey.</summary>
    public IReadOnlyList<string> AttestationCertificateKeyIdentifiers { get; init; } = [];

    /// <summary>The model's description in English, for example "YubiKey 5 Series with NFC".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The firmware version the statement describes, when given.</summary>
    public long? AuthenticatorVersion { get; init; }

    /// <summary>The protocol family: <c>fido2</c>, <c>u2f</c> or <c>uaf</c>.</summary>
    public string? ProtocolFamily { get; init; }

    /// <summary>The attestation types the model supports (<c>basic_full</c>, <c>basic_surrogate</c>, <c>attca</c>, …).</summary>
    public IReadOnlyList<string> AttestationTypes { get; init; } = [];

    /// <summary>The model's attestation root certificates (DER), the trust anchors for its attestation statements.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> AttestationRootCertificates { get; init; } = [];

    /// <summary>The status reports, as listed.</summary>
    public IReadOnlyList<StatusReport> StatusReports { get; init; } = [];

    /// <summary>When the status last changed, when given.</summary>
    public DateOnly? TimeOfLastStatusChange { get; init; }

    /// <summary>The most recent status (latest effective date; the last listed on a tie), or <see langword="null"/> without reports.</summary>
    public StatusReport? LatestStatus => StatusReports
        .Select(static (r, i) => (r, i))
        .OrderBy(static p => p.r.EffectiveDate ?? DateOnly.MinValue)
        .ThenBy(static p => p.i)
        .Select(static p => p.r)
        .LastOrDefault();

    /// <summary>The highest FIDO certification the reports state (<c>FIDO_CERTIFIED_L2</c>…), or <see langword="null"/> if none or the entry is REVOKED.</summary>
    public AuthenticatorStatus? CertificationStatus =>
        StatusReports.Any(static r => r.Status == AuthenticatorStatus.Revoked)
            ? null
            : StatusReports.Select(static r => r.Status)
                .Where(static s => AuthenticatorStatusNames.CertificationRank(s) > 0)
                .OrderByDescending(AuthenticatorStatusNames.CertificationRank)
                .Cast<AuthenticatorStatus?>()
                .FirstOrDefault();

    /// <summary>The attestation root certificates that parse (loaded once; a malformed one is skipped).</summary>
    /// <returns>The certificates, shared: do not dispose them.</returns>
    public IReadOnlyList<X509Certificate2> GetAttestationRoots() => _roots.Value;

    private List<X509Certificate2> LoadRoots()
    {
        var roots = new List<X509Certificate2>(AttestationRootCertificates.Count);
        foreach (var der in AttestationRootCertificates)
        {
            try
            {
                roots.Add(X509CertificateLoader.LoadCertificate(der.Span));
            }
            catch (CryptographicException)
            {
                // A root that does not parse can anchor nothing; the others still can.
            }
        }

        return roots;
    }
}
