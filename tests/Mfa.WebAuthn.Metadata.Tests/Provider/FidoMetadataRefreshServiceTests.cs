using System.Net;
using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.WebAuthn.Metadata.Tests.Provider;

/// <summary>The download helper on a fake HTTP handler: BLOB and CRLs from their URLs, disk cache, failures keep the last good BLOB.</summary>
[TestFixture]
public sealed class FidoMetadataRefreshServiceTests
{
    private const string BlobUrl = "https://mds3.fidoalliance.org/";
    private const string LeafCrlUrl = "http://crl.globalsign.com/gs/gsextendvalsha2g3r3.crl";
    private const string IntermediateCrlUrl = "http://crl.globalsign.com/root-r3.crl";

    private string _cache = null!;
    private FakeTimeProvider _time = null!;
    private FakeHttp _http = null!;
    private ListLogger<FidoMetadataRefreshService> _log = null!;

    [SetUp]
    public void SetUp()
    {
        _cache = Path.Combine(Path.GetTempPath(), "mfa-mds-" + Guid.NewGuid().ToString("N"));
        _time = new FakeTimeProvider(MdsTestData.At95);
        _http = new FakeHttp()
            .Serve(BlobUrl, MdsTestData.Bytes(MdsTestData.Blob95))
            .Serve(LeafCrlUrl, MdsTestData.Bytes(MdsTestData.GlobalSignCrls[0]))
            .Serve(IntermediateCrlUrl, MdsTestData.Bytes(MdsTestData.GlobalSignCrls[1]));
        _log = new ListLogger<FidoMetadataRefreshService>();
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private FidoMetadataOptions Options() => new()
    {
        TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)],
        EnableDownload = true,
        CacheDirectory = _cache,
    };

    private (FidoMetadataProvider Provider, FidoMetadataRefreshService Service) Create()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options());
        var provider = new FidoMetadataProvider(options, _time);
        return (provider, new FidoMetadataRefreshService(provider, _http, options, _time, _log));
    }

    [Test]
    public async Task RefreshOnceAsync_BlobAndCrlsServed_LoadsWithRevocationRequiredAndCaches()
    {
        var (provider, service) = Create();

        var result = await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(_http.Requests, Is.EqualTo(new[] { BlobUrl, LeafCrlUrl, IntermediateCrlUrl }));
        Assert.That((provider.Current?.Number, File.Exists(Path.Combine(_cache, "blob.jwt"))), Is.EqualTo(((long?)95, true)));
    }

    [Test]
    public async Task RefreshOnceAsync_CrlUnavailable_FailsCrlMissingAndCachesNothing()
    {
        _http.Fail(IntermediateCrlUrl, HttpStatusCode.ServiceUnavailable);
        var (provider, service) = Create();

        var result = await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That((result.Error, provider.Current, Directory.Exists(_cache)), Is.EqualTo((MetadataBlobError.CrlMissing, (MetadataBlob?)null, false)));
    }

    [Test]
    public async Task RefreshOnceAsync_ServerDown_KeepsLastGoodBlobAndLogs()
    {
        var (provider, service) = Create();
        await service.RefreshOnceAsync(CancellationToken.None);
        _http.Throw(BlobUrl);

        var result = await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That((result.Error, provider.Current?.Number), Is.EqualTo((MetadataBlobError.Unavailable, (long?)95)));
        Assert.That(_log.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.DownloadFailed));
    }

    [Test]
    public async Task RefreshOnceAsync_TamperedBlob_KeepsLastGoodBlobOnDiskAndInMemory()
    {
        var (provider, service) = Create();
        await service.RefreshOnceAsync(CancellationToken.None);
        var cached = await File.ReadAllBytesAsync(Path.Combine(_cache, "blob.jwt"));
        var tampered = MdsTestData.Bytes(MdsTestData.Blob121);
        tampered[tampered.Length / 3] ^= 0x02;
        _http.Serve(BlobUrl, tampered);

        var result = await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That((result.Succeeded, provider.Current?.Number), Is.EqualTo((false, (long?)95)));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_cache, "blob.jwt")), Is.EqualTo(cached));
    }

    [Test]
    public async Task RefreshOnceAsync_NewerBlobServed_Replaces()
    {
        var (provider, service) = Create();
        await service.RefreshOnceAsync(CancellationToken.None);
        _http.Serve(BlobUrl, MdsTestData.Bytes(MdsTestData.Blob121));

        var result = await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That((result.Succeeded, provider.Current?.Number), Is.EqualTo((true, (long?)121)));
    }

    [Test]
    public async Task LoadCacheAsync_AfterRestart_LoadsTheLastGoodBlobWithoutNetwork()
    {
        var (_, first) = Create();
        await first.RefreshOnceAsync(CancellationToken.None);
        var requests = _http.Requests.Count;
        var (provider, second) = Create();

        var result = await second.LoadCacheAsync(CancellationToken.None);

        Assert.That((result?.Succeeded, provider.Current?.Number, _http.Requests.Count), Is.EqualTo(((bool?)true, (long?)95, requests)));
    }

    [Test]
    public async Task RefreshOnceAsync_PastNextUpdate_LogsStale()
    {
        var (_, service) = Create();
        await service.RefreshOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(3)); // CRLs still current until 2024-09-07; nextUpdate 2024-10-01 not yet passed
        Assert.That(_log.Events.Select(e => e.EventId), Does.Not.Contain(MetadataEventIds.BlobStale));
        _time.Advance(TimeSpan.FromDays(30));

        await service.RefreshOnceAsync(CancellationToken.None);

        Assert.That(_log.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.BlobStale));
    }

    [Test]
    public async Task RefreshOnceAsync_ResponseLargerThanLimit_FailsUnavailable()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new FidoMetadataOptions { TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)], MaxDownloadSize = 4096 });
        var provider = new FidoMetadataProvider(options, _time);
        var service = new FidoMetadataRefreshService(provider, _http, options, _time, _log);

        Assert.That((await service.RefreshOnceAsync(CancellationToken.None)).Error, Is.EqualTo(MetadataBlobError.Unavailable));
    }
}
