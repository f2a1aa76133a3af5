using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.Benchmarks.Metadata;

/// <summary>
/// Loading the largest real MDS3 BLOB (no 121: 4.15 MB, RS256, 280 entries): parse the compact JWS, build the chain to
/// GlobalSign Root R3, verify the RS256 signature over the 4 MB signing input, parse the payload and index the entries.
/// Target (issue #13): well under a second.
/// </summary>
[MemoryDiagnoser]
public class MetadataBlobBenchmarks
{
    private static readonly DateTimeOffset s_downloadTime = new(2024, 12, 2, 0, 51, 6, TimeSpan.Zero);
    private byte[] _blob = [];
    private X509Certificate2 _root = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = FindTestData();
        _blob = File.ReadAllBytes(Path.Combine(data, "real", "blob-no121-2024-12-02.jwt"));
        _root = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(data, "roots", "globalsign-root-r3.der"));
    }

    [GlobalCleanup]
    public void Cleanup() => _root.Dispose();

    [Benchmark(Description = "verify + parse + index BLOB no 121 (280 entries)")]
    public int VerifyAndIndex()
    {
        var result = MetadataBlobVerifier.Verify(_blob, new MetadataBlobVerificationSettings
        {
            TrustAnchors = [_root],
            RequireRevocationCheck = false, // no CRLs are current at the download time; revocation costs two small CRL parses
            VerificationTime = s_downloadTime,
        });
        return result.Blob?.Entries.Count ?? throw new InvalidOperationException(result.Message);
    }

    /// <summary>The MDS fixtures live with the metadata tests; walk up from the binaries to the repository.</summary>
    private static string FindTestData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Mfa.WebAuthn.Metadata.Tests", "TestData", "mds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Mfa.WebAuthn.Metadata.Tests/TestData/mds not found above " + AppContext.BaseDirectory);
    }
}
