using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Mfa.Totp.Codes;
using Mfa.Totp.Verification;

namespace Mfa.Benchmarks.Totp;

/// <summary>
/// The TOTP hot path: a ±1 window check against its floor, three raw HMAC-SHA-1 computations (one per step).
/// Target (issue #2): verify ≤ 1.3 × ThreeRawHmacs, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class TotpCodeBenchmarks
{
    private static readonly byte[] s_key = "12345678901234567890"u8.ToArray();
    private static readonly TotpParameters s_parameters = TotpParameters.Default;
    private readonly byte[] _message = new byte[8];
    private readonly byte[] _hash = new byte[20];
    private DateTimeOffset _now;
    private string _codeOnLastStep = string.Empty;
    private string _wrongCode = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_111);

        // The verifier walks the window from -1 to +1, so the +1 step's code matches on the last step checked.
        _codeOnLastStep = TotpCode.Generate(s_key, _now.AddSeconds(30), s_parameters);
        var current = TotpCode.Generate(s_key, _now, s_parameters);
        _wrongCode = current == "000000" ? "111111" : "000000";
    }

    [Benchmark(Description = "raw HMAC-SHA1 x1")]
    public int OneRawHmac() => HMACSHA1.HashData(s_key, _message, _hash);

    [Benchmark(Baseline = true, Description = "raw HMAC-SHA1 x3 (floor)")]
    public int ThreeRawHmacs()
    {
        var total = 0;
        for (var i = 0; i < 3; i++)
        {
            _message[7] = (byte)i;
            total += HMACSHA1.HashData(s_key, _message, _hash);
        }

        return total;
    }

    [Benchmark(Description = "TOTP generate")]
    public int Generate() => Hotp.ComputeCode(s_key, 37_037_037, TotpAlgorithm.Sha1, 6);

    [Benchmark(Description = "verify ±1, match on last step")]
    public TotpVerification VerifyMatchLastStep() => TotpVerifier.Verify(s_key, _codeOnLastStep, _now, s_parameters, 1);

    [Benchmark(Description = "verify ±1, miss")]
    public TotpVerification VerifyMiss() => TotpVerifier.Verify(s_key, _wrongCode, _now, s_parameters, 1);
}
