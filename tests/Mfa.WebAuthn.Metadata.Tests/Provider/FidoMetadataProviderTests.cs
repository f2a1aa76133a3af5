using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Diagnostics;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mfa.WebAuthn.Metadata.Tests.Provider;

/// <summary>Refresh semantics on the real BLOBs: last good BLOB kept, rollback refused, staleness reported, models looked up.</summary>
[TestFixture]
public sealed class FidoMetadataProviderTests
{
    private static readonly Guid s_truU = Guid.Parse("ba86dc56-635f-4141-aef6-00227b1b9af6");
    private static readonly Guid s_yubiKey5Nfc = Guid.Parse("2fc0579f-8113-47ea-b116-bb5a8db9202a");
    private FakeTimeProvider _time = null!;
    private ListLogger<FidoMetadataProvider> _log = null!;
    private FidoMetadataProvider _provider = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(MdsTestData.At121);
        _log = new ListLogger<FidoMetadataProvider>();
        _provider = Create(_time, _log);
    }

    internal static FidoMetadataProvider Create(TimeProvider time, ListLogger<FidoMetadataProvider>? log = null, bool requireRevocation = false) =>
        new(Options.Create(new FidoMetadataOptions { TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)], RequireRevocationCheck = requireRevocation }), time, log);

    [Test]
    public void Current_BeforeAnyRefresh_IsNullAndFindsNothing()
    {
        Assert.That((_provider.Current, _provider.IsStale, _provider.FindModel(s_truU, [])), Is.EqualTo(((MetadataBlob?)null, false, (Mfa.WebAuthn.Attestation.AuthenticatorModel?)null)));
    }

    [Test]
    public void Refresh_ValidBlob_BecomesCurrentAndIsLogged()
    {
        var result = _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That((_provider.Current?.Number, _provider.Current?.Entries.Count), Is.EqualTo(((long?)121, (int?)280)));
        Assert.That(_log.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.BlobLoaded));
    }

    [Test]
    public void Refresh_OlderBlobAfterNewer_IsRefusedAndNewerKept()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        var result = _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob95));

        Assert.That((result.Error, _provider.Current?.Number), Is.EqualTo((MetadataBlobError.NoNotGreater, (long?)121)));
        Assert.That(_log.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.BlobRefused));
    }

    [Test]
    public void Refresh_SameBlobTwice_SecondIsNoNotGreater()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        Assert.That(_provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121)).Error, Is.EqualTo(MetadataBlobError.NoNotGreater));
    }

    [Test]
    public void Refresh_BadBlobAfterGood_KeepsTheGoodOne()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));
        var tampered = MdsTestData.Bytes(MdsTestData.Blob121);
        tampered[tampered.Length / 2] ^= 0x01;

        var result = _provider.Refresh(tampered);

        Assert.That((result.Succeeded, _provider.Current?.Number), Is.EqualTo((false, (long?)121)));
    }

    [Test]
    public void Refresh_NewerBlobAfterOlder_Replaces()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob95));

        var result = _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        Assert.That((result.Succeeded, _provider.Current?.Number), Is.EqualTo((true, (long?)121)));
    }

    [Test]
    public void Refresh_RevocationRequiredByDefaultWithoutCrls_FailsCrlMissing()
    {
        var provider = new FidoMetadataProvider(Options.Create(new FidoMetadataOptions { TrustAnchors = [MdsTestData.Certificate(MdsTestData.Root)] }), _time);

        Assert.That(provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121)).Error, Is.EqualTo(MetadataBlobError.CrlMissing));
    }

    [Test]
    public void Refresh_WithCurrentCrlsAndRevocationRequired_Succeeds()
    {
        var provider = Create(new FakeTimeProvider(MdsTestData.At95), requireRevocation: true);

        var result = provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob95), MdsTestData.Crls(MdsTestData.GlobalSignCrls));

        Assert.That(result.Succeeded, Is.True, result.Message);
    }

    [Test]
    public void IsStale_AfterNextUpdate_IsTrueAndBlobStillServes()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));
        Assert.That(_provider.IsStale, Is.False);

        _time.Advance(TimeSpan.FromDays(31)); // nextUpdate 2025-01-01 has passed

        Assert.That((_provider.IsStale, _provider.FindModel(s_yubiKey5Nfc, [])?.Description), Is.EqualTo((true, "YubiKey 5 Series with NFC")));
    }

    [Test]
    public void Refresh_BlobAlreadyPastNextUpdate_LogsStale()
    {
        var provider = Create(new FakeTimeProvider(MdsTestData.Time("2025-03-01T00:00:00Z")), _log);

        provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        Assert.That(_log.Events.Select(e => e.EventId), Does.Contain(MetadataEventIds.BlobStale));
    }

    [Test]
    public void FindModel_RevokedModel_IsRefusedWithItsStatusAndLogged()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        var model = _provider.FindModel(s_truU, []);

        Assert.That((model?.Description, model?.RefusedStatus), Is.EqualTo(("TruU Windows Authenticator", "REVOKED")));
        Assert.That(_log.Events, Has.Some.Matches<(int EventId, string Message)>(e => e.EventId == MetadataEventIds.ModelRefused && e.Message.Contains("REVOKED", StringComparison.Ordinal)));
    }

    [Test]
    public void FindModel_CertifiedModel_IsAcceptedWithRoots()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));

        var model = _provider.FindModel(s_yubiKey5Nfc, []);

        Assert.That((model?.RefusedStatus, model?.Status, model?.AttestationRoots.Count > 0), Is.EqualTo(((string?)null, "FIDO_CERTIFIED", true)));
    }

    [Test]
    public void WhereModelRefused_RegisteredAaguids_ReturnsOnlyTheRevokedOnes()
    {
        _provider.Refresh(MdsTestData.Bytes(MdsTestData.Blob121));
        var registered = new[] { ("alice-key", s_yubiKey5Nfc), ("bob-laptop", s_truU), ("carol-unknown", Guid.NewGuid()) };

        var refused = _provider.WhereModelRefused(registered, r => r.Item2);

        Assert.That(refused.Select(r => (r.Record.Item1, r.RefusedStatus)), Is.EqualTo(new[] { ("bob-laptop", "REVOKED") }));
    }

    [Test]
    public async Task RefreshFromFileAsync_MissingFile_FailsUnavailable()
    {
        var result = await _provider.RefreshFromFileAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        Assert.That(result.Error, Is.EqualTo(MetadataBlobError.Unavailable));
    }

    [Test]
    public async Task RefreshFromFileAsync_BlobAndCrlFiles_Loads()
    {
        var provider = Create(new FakeTimeProvider(MdsTestData.At95), requireRevocation: true);

        var result = await provider.RefreshFromFileAsync(MdsTestData.PathOf(MdsTestData.Blob95), [.. MdsTestData.GlobalSignCrls.Select(MdsTestData.PathOf)]);

        Assert.That((result.Succeeded, provider.Current?.Number), Is.EqualTo((true, (long?)95)));
    }

    [Test]
    public async Task Refresh_ConcurrentRefreshesOfTheSameBlob_ExactlyOneSucceeds()
    {
        var blob = MdsTestData.Bytes(MdsTestData.Blob9);
        var provider = Create(new FakeTimeProvider(MdsTestData.Time("2021-11-10T16:56:05Z")));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => provider.Refresh(blob))));

        Assert.That(results.Count(r => r.Succeeded), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => r.Error), Is.All.EqualTo(MetadataBlobError.NoNotGreater));
    }
}
