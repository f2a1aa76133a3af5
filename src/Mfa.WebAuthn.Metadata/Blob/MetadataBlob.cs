using Mfa.WebAuthn.Metadata.Entries;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>The payload of a verified metadata BLOB (FIDO MDS3 §3.1.6), indexed by AAGUID, attestation certificate key identifier and AAID.</summary>
/// <remarks>Only <see cref="MetadataBlobVerifier"/> creates it, after the signature, chain, revocation and <c>no</c> checks passed.</remarks>
public sealed class MetadataBlob
{
    private readonly Dictionary<Guid, MetadataEntry> _byAaguid = [];
    private readonly Dictionary<string, MetadataEntry> _byKeyIdentifier = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MetadataEntry> _byAaid = new(StringComparer.OrdinalIgnoreCase);

    internal MetadataBlob(long number, DateOnly nextUpdate, string? legalHeader, IReadOnlyList<MetadataEntry> entries, int skippedEntries)
    {
        Number = number;
        NextUpdate = nextUpdate;
        LegalHeader = legalHeader;
        Entries = entries;
        SkippedEntries = skippedEntries;
        foreach (var entry in entries)
        {
            // The first entry for a key wins: a BLOB should not list a model twice, and a later duplicate must not shadow it.
            if (entry.Aaguid is { } aaguid)
            {
                _byAaguid.TryAdd(aaguid, entry);
            }

            foreach (var keyIdentifier in entry.AttestationCertificateKeyIdentifiers)
            {
                _byKeyIdentifier.TryAdd(keyIdentifier, entry);
            }

            if (entry.Aaid is { } aaid)
            {
                _byAaid.TryAdd(aaid, entry);
            }
        }
    }

    /// <summary>The BLOB's serial number (<c>no</c>); each new BLOB has a greater one.</summary>
    public long Number { get; }

    /// <summary>The date by which a newer BLOB should be downloaded (<c>nextUpdate</c>): a refresh deadline, not an expiry of the signature.</summary>
    public DateOnly NextUpdate { get; }

    /// <summary>The legal header (terms of use of the BLOB).</summary>
    public string? LegalHeader { get; }

    /// <summary>Every entry that parsed, in BLOB order.</summary>
    public IReadOnlyList<MetadataEntry> Entries { get; }

    /// <summary>How many entries were skipped because they did not parse (wrong AAGUID syntax, no identifier…).</summary>
    public int SkippedEntries { get; }

    /// <summary>Whether <see cref="NextUpdate"/> has passed at <paramref name="now"/> (UTC date after nextUpdate).</summary>
    /// <param name="now">The current time.</param>
    /// <returns>Whether a newer BLOB is due.</returns>
    public bool IsStaleAt(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) > NextUpdate;

    /// <summary>The entry of a FIDO2 model.</summary>
    /// <param name="aaguid">The AAGUID.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public MetadataEntry? FindByAaguid(Guid aaguid) => aaguid == Guid.Empty ? null : _byAaguid.GetValueOrDefault(aaguid);

    /// <summary>The entry of a FIDO U2F model by attestation certificate key identifier (hex SHA-1 of the subjectPublicKey, any case).</summary>
    /// <param name="keyIdentifier">The key identifier.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public MetadataEntry? FindByAttestationCertificateKeyIdentifier(string keyIdentifier)
    {
        ArgumentNullException.ThrowIfNull(keyIdentifier);
        return _byKeyIdentifier.GetValueOrDefault(keyIdentifier);
    }

    /// <summary>The entry of a UAF model by AAID.</summary>
    /// <param name="aaid">The AAID (<c>VVVV#MMMM</c>).</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public MetadataEntry? FindByAaid(string aaid)
    {
        ArgumentNullException.ThrowIfNull(aaid);
        return _byAaid.GetValueOrDefault(aaid);
    }
}
