using System.Buffers.Text;
using BenchmarkDotNet.Attributes;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;

namespace Mfa.Benchmarks.WebAuthn;

/// <summary>
/// Registration (WebAuthn L3 §7.1), JSON in: a packed attestation with an x5c certificate (WebAuthn L3 §Test Vectors
/// "packed ES256", W3C Document License), and the same without attestation ("none ES256") for comparison.
/// </summary>
[MemoryDiagnoser]
public class WebAuthnRegistrationBenchmarks
{
    private const string PackedChallenge = "wRhKX934BF4T3Ef1S2H1pla2ZrWQGPFthw6SVumVIBI";
    private const string PackedResponse = """
        {"id":"yab1s0YtAoc_6gxWhiI0-Z8IFygITlEbt3YCAaiQVKU","rawId":"yab1s0YtAoc_6gxWhiI0-Z8IFygITlEbt3YCAaiQVKU","type":"public-key","response":{"clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoid1JoS1g5MzRCRjRUM0VmMVMySDFwbGEyWnJXUUdQRnRodzZTVnVtVklCSSIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2UsImV4dHJhRGF0YSI6ImNsaWVudERhdGFKU09OIG1heSBiZSBleHRlbmRlZCB3aXRoIGFkZGl0aW9uYWwgZmllbGRzIGluIHRoZSBmdXR1cmUsIHN1Y2ggYXMgdGhpczogOWE4Yk5ZaktDZ1dyQlhVLWZDbDFhZyJ9","attestationObject":"o2NmbXRmcGFja2VkZ2F0dFN0bXSjY2FsZyZjc2lnWEcwRQIgPxnsSyKfRquMRe_ym5BP8QwDkNxAvxIW8Ep49M66NCUCIQD-cEGjJ1mv8FoPnybHCpmceihEUbqJI0odNIPCXiGSW2N4NWOBWQIlMIICITCCAcigAwIBAgIRAIjCIPg8jvH-r-lN6uRfqtAwCgYIKoZIzj0EAwIwYjEeMBwGA1UEAwwVV2ViQXV0aG4gdGVzdCB2ZWN0b3JzMQwwCgYDVQQKDANXM0MxJTAjBgNVBAsMHEF1dGhlbnRpY2F0b3IgQXR0ZXN0YXRpb24gQ0ExCzAJBgNVBAYTAkFBMCAXDTI0MDEwMTAwMDAwMFoYDzMwMjQwMTAxMDAwMDAwWjBfMR4wHAYDVQQDDBVXZWJBdXRobiB0ZXN0IHZlY3RvcnMxDDAKBgNVBAoMA1czQzEiMCAGA1UECwwZQXV0aGVudGljYXRvciBBdHRlc3RhdGlvbjELMAkGA1UEBhMCQUEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASpG6Q4lAndOKQoFBlAyo_rGsDXtDUFWBBKN3ekkyLzeYRA83izOYqy07t7-RMiyS6yNVb1mtCoNv7Ex2Y7Dk3Do2AwXjAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB_wQEAwIHgDAdBgNVHQ4EFgQUpYm6ctBghCqxH3T7JGve2rFvm5swHwYDVR0jBBgwFoAURa_3FbDdeGdB_umW68FlR6OTGx4wCgYIKoZIzj0EAwIDRwAwRAIgFya52F7Nil7VEWNyLKOiCIb9myQqCqBFPUQhFgdd79UCIH70ceUwrIeWGoin8NDBewkf_GuSONMPefY1tBe-WRDnaGF1dGhEYXRhWKS_q8N0MpWLBjNg061kYcnEc1rn-O3UZZKl4PAUUrLktU0AAAAAh2yk9SBxw-myVQnvLN9-1gAgyab1s0YtAoc_6gxWhiI0-Z8IFygITlEbt3YCAaiQVKWlAQIDJiABIVggHPJ_JdpZEgikI5wuMk8QT1hVJUeaKe3u3YMPSOd66uUiWCBZ5LfabAEG4gbOOQyTq5ihWl7DiH5X8Mwr7OgDuSDEIw"},"clientExtensionResults":{}}
        """;

    private const string NoneChallenge = "AMMPt4UxxGTStncdq417YDwBFi8vpIa-pw8oOuVW4TA";
    private const string NoneResponse = """
        {"id":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","rawId":"-R85HbTJsv3g6nAYnLo_tj9Xm6YSKzOtlP8-wzAIS-Q","type":"public-key","response":{"clientDataJSON":"eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQU1NUHQ0VXh4R1RTdG5jZHE0MTdZRHdCRmk4dnBJYS1wdzhvT3VWVzRUQSIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2UsImV4dHJhRGF0YSI6ImNsaWVudERhdGFKU09OIG1heSBiZSBleHRlbmRlZCB3aXRoIGFkZGl0aW9uYWwgZmllbGRzIGluIHRoZSBmdXR1cmUsIHN1Y2ggYXMgdGhpczogQmtRZURqZGNUQnJYQmlBd0pUTEU1USJ9","attestationObject":"o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVikv6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LVZAAAAAIRGzLmrHbN0dQsjZ_9vOh8AIPkfOR20ybL94OpwGJy6P7Y_V5umEiszrZT_PsMwCEvkpQECAyYgASFYIK_voW-XypstI-uGzLZAmNINuQhWBi6yScM6m2cvJt9hIlggkwpWuHovymYzSwNFir-HlxfBLMaO1zKQry4mZHlrkiA"},"clientExtensionResults":{}}
        """;

    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private RelyingPartyPolicy _policy = null!;
    private RegistrationExpectation _packed = null!;
    private RegistrationExpectation _none = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = RelyingPartyPolicy.From(new WebAuthnOptions { RelyingPartyId = "example.org", RelyingPartyName = "Example", Origins = ["https://example.org"] });
        _packed = Expectation(PackedChallenge);
        _none = Expectation(NoneChallenge);
        if (!PackedX5c().Succeeded || !None().Succeeded)
        {
            throw new InvalidOperationException("A registration vector does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "packed x5c registration (§7.1, JSON in)")]
    public WebAuthnRegistrationResult PackedX5c() => WebAuthnRegistrationResult.From(RegistrationProcedure.Verify(_policy, _packed, PackedResponse, WebAuthnAuthenticatorKind.SecurityKey));

    [Benchmark(Description = "none registration (§7.1, JSON in)")]
    public WebAuthnRegistrationResult None() => WebAuthnRegistrationResult.From(RegistrationProcedure.Verify(_policy, _none, NoneResponse, WebAuthnAuthenticatorKind.SecurityKey));

    private static RegistrationExpectation Expectation(string challenge) => new()
    {
        Challenge = Base64Url.DecodeFromChars(challenge),
        Algorithms = [(int)CoseAlgorithm.ES256],
        Now = s_now,
    };
}
