using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mfa.WebAuthn.Metadata.Provider;

/// <summary>
/// Keeps <see cref="FidoMetadataProvider"/> current: at start-up loads the last good BLOB from
/// <see cref="FidoMetadataOptions.CacheDirectory"/>; with <see cref="FidoMetadataOptions.EnableDownload"/>, downloads the BLOB
/// and the CRLs its chain names every <see cref="FidoMetadataOptions.RefreshInterval"/>, and keeps each one that verifies on disk.
/// </summary>
internal sealed partial class FidoMetadataRefreshService : BackgroundService
{
    /// <summary>The name of the <see cref="HttpClient"/> this service uses (configure proxies or handlers on it).</summary>
    public const string HttpClientName = "Mfa.WebAuthn.Metadata";

    private const string BlobFileName = "blob.jwt";
    private const string CrlFilePrefix = "crl-";

    private readonly FidoMetadataProvider _provider;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly FidoMetadataOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public FidoMetadataRefreshService(FidoMetadataProvider provider, IHttpClientFactory httpClientFactory, IOptions<FidoMetadataOptions> options, TimeProvider timeProvider, ILogger<FidoMetadataRefreshService> logger)
    {
        _provider = provider;
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Loads the cached BLOB and its CRLs, if a cache directory is configured and holds them.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The verification result, or <see langword="null"/> when there is nothing cached.</returns>
    public async Task<MetadataBlobVerificationResult?> LoadCacheAsync(CancellationToken cancellationToken)
    {
        if (_options.CacheDirectory is not { } directory || !File.Exists(Path.Combine(directory, BlobFileName)))
        {
            return null;
        }

        var crls = Directory.GetFiles(directory, CrlFilePrefix + "*").Order(StringComparer.Ordinal).ToList();
        return await _provider.RefreshFromFileAsync(Path.Combine(directory, BlobFileName), crls, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads the BLOB and its CRLs once and hands them to the provider; a BLOB that verifies is written to the cache.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The verification result (<see cref="MetadataBlobError.Unavailable"/> when a download failed).</returns>
    public async Task<MetadataBlobVerificationResult> RefreshOnceAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var blob = await DownloadAsync(client, _options.BlobUrl, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return MetadataBlobVerificationResult.Failure(MetadataBlobError.Unavailable, "The BLOB could not be downloaded.");
        }

        // MDS3 §3.2 step 2: the CRLs come from the locations the chain's certificates name. A CRL that cannot be
        // downloaded is left out: verification then fails with CrlMissing if revocation checking is required.
        var crls = new List<byte[]>();
        foreach (var url in CrlLocations.Of(blob))
        {
            if (await DownloadAsync(client, url, cancellationToken).ConfigureAwait(false) is { } crl)
            {
                crls.Add(crl);
            }
        }

        var result = _provider.Refresh(blob, [.. crls.Select(static c => (ReadOnlyMemory<byte>)c)]);
        if (result.Succeeded)
        {
            await WriteCacheAsync(blob, crls, cancellationToken).ConfigureAwait(false);
        }

        if (_provider.Current is { } held && _provider.IsStale)
        {
            MetadataLog.BlobStale(_logger, held.Number, held.NextUpdate);
        }

        return result;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await LoadCacheAsync(stoppingToken).ConfigureAwait(false);
        if (!_options.EnableDownload)
        {
            if (_provider.Current is { } held && _provider.IsStale)
            {
                MetadataLog.BlobStale(_logger, held.Number, held.NextUpdate);
            }

            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(_options.RefreshInterval, _timeProvider, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]?> DownloadAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                MetadataLog.DownloadFailed(_logger, url, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            if (response.Content.Headers.ContentLength > _options.MaxDownloadSize)
            {
                MetadataLog.DownloadFailed(_logger, url, "the response is larger than MaxDownloadSize");
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _options.MaxDownloadSize)
                    {
                        MetadataLog.DownloadFailed(_logger, url, "the response is larger than MaxDownloadSize");
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MetadataLog.DownloadFailed(_logger, url, e.GetType().Name);
            return null;
        }
    }

    private async Task WriteCacheAsync(byte[] blob, List<byte[]> crls, CancellationToken cancellationToken)
    {
        if (_options.CacheDirectory is not { } directory)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
            foreach (var old in Directory.GetFiles(directory, CrlFilePrefix + "*"))
            {
                File.Delete(old);
            }

            for (var i = 0; i < crls.Count; i++)
            {
                await WriteAtomicallyAsync(Path.Combine(directory, $"{CrlFilePrefix}{i:D2}.crl"), crls[i], cancellationToken).ConfigureAwait(false);
            }

            await WriteAtomicallyAsync(Path.Combine(directory, BlobFileName), blob, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            MetadataLog.DownloadFailed(_logger, new Uri(Path.GetFullPath(directory)), "the cache directory cannot be written: " + e.GetType().Name);
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
