using System.Security.Cryptography.X509Certificates;
using Mfa.Core;
using Mfa.Core.Storage;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Mfa.WebAuthn.Metadata.Entries;
using Mfa.WebAuthn.Metadata.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Metadata.Provider;

/// <summary>
/// Holds the last metadata BLOB that verified and answers model look-ups from it (an <see cref="IAuthenticatorTrustSource"/>
/// for the WebAuthn factor). Thread-safe: look-ups read an immutable snapshot; refreshes are serialized.
/// </summary>
/// <remarks>
/// Offline by default: the host hands it a BLOB and CRLs (<see cref="Refresh"/>, <see cref="RefreshFromFileAsync"/>), or
/// the hosted refresh service downloads them (<see cref="FidoMetadataOptions.EnableDownload"/>). A BLOB that fails
/// verification, or whose <c>no</c> is not greater than the one held, never replaces it. A BLOB past its
/// <c>nextUpdate</c> stays in use (its signature does not expire) and <see cref="IsStale"/> says a newer one is due.
/// </remarks>
public sealed class FidoMetadataProvider : IAuthenticatorTrustSource
{
    private readonly Lock _refreshGate = new();
    private readonly IReadOnlyList<X509Certificate2> _anchors;
    private readonly bool _requireRevocation;
    private readonly AuthenticatorStatusPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private volatile MetadataBlob? _current;

    /// <summary>Creates a provider with no BLOB yet.</summary>
    /// <param name="options">Trust anchors, revocation and status policy.</param>
    /// <param name="timeProvider">The clock certificates, CRLs and nextUpdate are checked with.</param>
    /// <param name="logger">Receives the metadata events (<see cref="MetadataEventIds"/>).</param>
    public FidoMetadataProvider(IOptions<FidoMetadataOptions> options, TimeProvider timeProvider, ILogger<FidoMetadataProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        _anchors = [.. value.TrustAnchors];
        _requireRevocation = value.RequireRevocationCheck;
        _policy = value.StatusPolicy;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<FidoMetadataProvider>.Instance;
    }

    /// <summary>The BLOB in use, or <see langword="null"/> before the first one verified.</summary>
    public MetadataBlob? Current => _current;

    /// <summary>Whether the BLOB in use is past its <c>nextUpdate</c> (a newer one is due; it is still used).</summary>
    public bool IsStale => _current is { } blob && blob.IsStaleAt(_timeProvider.GetUtcNow());

    /// <summary>Verifies <paramref name="blob"/> and, if it verifies and its <c>no</c> is greater, makes it the BLOB in use.</summary>
    /// <param name="blob">The compact JWS.</param>
    /// <param name="revocationLists">The CRLs of its signing chain's issuers (DER or PEM); required unless revocation checking is off.</param>
    /// <returns>The verification result; on failure the BLOB in use is unchanged.</returns>
    public MetadataBlobVerificationResult Refresh(ReadOnlyMemory<byte> blob, IReadOnlyList<ReadOnlyMemory<byte>>? revocationLists = null)
    {
        lock (_refreshGate)
        {
            var held = _current;
            var now = _timeProvider.GetUtcNow();
            var result = MetadataBlobVerifier.Verify(blob, new MetadataBlobVerificationSettings
            {
                TrustAnchors = _anchors,
                RevocationLists = revocationLists ?? [],
                RequireRevocationCheck = _requireRevocation,
                VerificationTime = now,
                PreviousNumber = held?.Number,
            });
            if (!result.Succeeded)
            {
                MetadataLog.BlobRefused(_logger, result.Error, result.Message, held?.Number);
                return result;
            }

            _current = result.Blob;
            MetadataLog.BlobLoaded(_logger, result.Blob.Number, result.Blob.Entries.Count, result.Blob.NextUpdate);
            if (result.Blob.IsStaleAt(now))
            {
                MetadataLog.BlobStale(_logger, result.Blob.Number, result.Blob.NextUpdate);
            }

            return result;
        }
    }

    /// <summary>Reads a BLOB file and CRL files, then <see cref="Refresh"/>es from them.</summary>
    /// <param name="blobPath">The BLOB file.</param>
    /// <param name="revocationListPaths">The CRL files.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The verification result; <see cref="MetadataBlobError.Unavailable"/> when a file cannot be read.</returns>
    public async Task<MetadataBlobVerificationResult> RefreshFromFileAsync(string blobPath, IReadOnlyList<string>? revocationListPaths = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobPath);
        byte[] blob;
        var crls = new List<ReadOnlyMemory<byte>>();
        try
        {
            blob = await File.ReadAllBytesAsync(blobPath, cancellationToken).ConfigureAwait(false);
            foreach (var path in revocationListPaths ?? [])
            {
                crls.Add(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var failure = MetadataBlobVerificationResult.Failure(MetadataBlobError.Unavailable, "The BLOB or a CRL file cannot be read.");
            MetadataLog.BlobRefused(_logger, failure.Error, failure.Message, _current?.Number);
            return failure;
        }

        return Refresh(blob, crls);
    }

    /// <summary>The entry of a model in the BLOB in use: by AAGUID, else by the first attestation certificate key identifier listed.</summary>
    /// <param name="aaguid">The AAGUID (<see cref="Guid.Empty"/> for U2F).</param>
    /// <param name="attestationCertificateKeyIdentifiers">Key identifiers (hex SHA-1 of subjectPublicKey) for U2F.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public MetadataEntry? FindEntry(Guid aaguid, IReadOnlyList<string>? attestationCertificateKeyIdentifiers = null)
    {
        if (_current is not { } blob)
        {
            return null;
        }

        return blob.FindByAaguid(aaguid)
            ?? (attestationCertificateKeyIdentifiers ?? []).Select(blob.FindByAttestationCertificateKeyIdentifier).FirstOrDefault(static e => e is not null);
    }

    /// <summary>The model of a registering authenticator, with its roots and, if the status policy refuses it, the refusing status (logged as <see cref="MetadataEventIds.ModelRefused"/>).</summary>
    /// <param name="aaguid">The AAGUID (<see cref="Guid.Empty"/> for U2F).</param>
    /// <param name="attestationCertificateKeyIdentifiers">Key identifiers for U2F.</param>
    /// <returns>The model, or <see langword="null"/> when the BLOB in use does not list it (or no BLOB verified yet).</returns>
    public AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(attestationCertificateKeyIdentifiers);
        if (FindEntry(aaguid, attestationCertificateKeyIdentifiers) is not { } entry)
        {
            return null;
        }

        var refused = _policy.GetRefusedStatus(entry);
        if (refused is not null)
        {
            MetadataLog.ModelRefused(_logger, entry.Aaguid ?? aaguid, entry.Description, refused);
        }

        return new AuthenticatorModel
        {
            Aaguid = entry.Aaguid ?? aaguid,
            Description = entry.Description,
            AttestationRoots = entry.GetAttestationRoots(),
            Status = entry.LatestStatus?.StatusName,
            RefusedStatus = refused,
        };
    }

    /// <summary>
    /// The records (for example registered authenticators) whose model the BLOB in use lists with a status the policy now
    /// refuses: after a refresh, the authenticators a host may want to review or disable.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records.</param>
    /// <param name="aaguidOf">Reads a record's AAGUID.</param>
    /// <returns>The refused records, in input order, each with its refusing status.</returns>
    public IReadOnlyList<(T Record, string RefusedStatus)> WhereModelRefused<T>(IEnumerable<T> records, Func<T, Guid> aaguidOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(aaguidOf);
        var blob = _current;
        if (blob is null)
        {
            return [];
        }

        var refused = new List<(T, string)>();
        foreach (var record in records)
        {
            if (blob.FindByAaguid(aaguidOf(record)) is { } entry && _policy.GetRefusedStatus(entry) is { } status)
            {
                refused.Add((record, status));
            }
        }

        return refused;
    }

    /// <summary>
    /// The registered WebAuthn authenticators among <paramref name="records"/> whose model the BLOB in use now refuses
    /// (for example REVOKED since they registered): after a refresh, the ones a host may review or disable.
    /// </summary>
    /// <param name="records">Authenticator records of any kind (others, and imported legacy U2F keys, are skipped).</param>
    /// <returns>The refused records, in input order, each with its refusing status.</returns>
    public IReadOnlyList<(AuthenticatorRecord Record, string RefusedStatus)> WhereModelRefused(IEnumerable<AuthenticatorRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var withAaguid = records.Select(static r => (Record: r, Known: WebAuthnAuthenticatorRecords.TryGetAaguid(r, out var aaguid), Aaguid: aaguid))
            .Where(static r => r.Known && r.Aaguid != Guid.Empty);
        return [.. WhereModelRefused(withAaguid, static r => r.Aaguid).Select(static r => (r.Record.Record, r.RefusedStatus))];
    }

    /// <summary>
    /// One query for a host after a metadata refresh: the WebAuthn authenticators of <paramref name="userIds"/> whose
    /// model the BLOB in use now refuses, read from the store.
    /// </summary>
    /// <param name="store">The authenticator store.</param>
    /// <param name="userIds">The users to check (for example all users, in batches).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The refused records, by user in input order, each with its refusing status.</returns>
    public async Task<IReadOnlyList<(AuthenticatorRecord Record, string RefusedStatus)>> FindRefusedAuthenticatorsAsync(IAuthenticatorStore store, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(userIds);
        var refused = new List<(AuthenticatorRecord, string)>();
        foreach (var userId in userIds)
        {
            refused.AddRange(WhereModelRefused(await store.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false)));
        }

        return refused;
    }
}
