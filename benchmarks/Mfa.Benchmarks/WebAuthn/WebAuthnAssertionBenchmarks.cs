using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Mfa.Benchmarks.WebAuthn;

/// <summary>
/// The WebAuthn sign-in hot path (WebAuthn L3 §7.2) against its floor: SHA-256 of the client data plus one P-256
/// <c>ECDsa.VerifyData</c> with an already-imported key. Target (issue #3): ES256 verify ≤ 1.15 × floor and &lt; 2 KB
/// allocated; the factor (JSON in) ≥ 3 × faster than ASP.NET Core Identity's <c>PasskeyHandler.PerformAssertionAsync</c>
/// on the same kind of payload (one ES256 credential, UP+UV, counter 0, origin https://example.com).
/// </summary>
[MemoryDiagnoser]
public class WebAuthnAssertionBenchmarks
{
    private const string RpId = "example.com";
    private const string Origin = "https://example.com";

    /// <summary>37 bytes of authenticator data (no extensions) and a SHA-256.</summary>
    private const int SignedLength = 37 + 32;

    // WebAuthn L3 §Test Vectors "packed EdDSA" authentication (W3C Document License).
    private const string EdDsaKey = "pAEBAycgBiFYIETgbd0zHDao3GZ7q1K8rmNIbJFqpeM55qzrqoSTS_gy";
    private const string EdDsaChallenge = "iVlX4BxjOmmDSKLYoxpUt9sn6MHEOyCA15riGQJnv9I";
    private const string EdDsaClientData = "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiaVZsWDRCeGpPbW1EU0tMWW94cFV0OXNuNk1IRU95Q0ExNXJpR1FKbnY5SSIsIm9yaWdpbiI6Imh0dHBzOi8vZXhhbXBsZS5vcmciLCJjcm9zc09yaWdpbiI6ZmFsc2V9";
    private const string EdDsaAuthenticatorData = "v6vDdDKViwYzYNOtZGHJxHNa5_jt1GWSpeDwFFKy5LUBAAAAAA";
    private const string EdDsaSignature = "9cWcfkbDT2-MwZcQHd-ZNPollfaOsZE6Y36EGeubpM_fxI-FOTvA1AsBHw1v7LCX1mB1JXEyI6DcDUU5k9rgCw";

    private readonly CoseKeyCache _keys = new();
    private readonly byte[] _challenge = RandomNumberGenerator.GetBytes(32);
    private RelyingPartyPolicy _policy = null!;
    private RelyingPartyPolicy _policyW3c = null!;
    private ECDsa _es256Public = null!;
    private AssertionPayload _es256 = null!;
    private byte[] _es256Cose = null!;
    private DecodedAssertion _es256Decoded = null!;
    private RSA _rs256Public = null!;
    private AssertionPayload _rs256 = null!;
    private byte[] _rs256Cose = null!;
    private DecodedAssertion _rs256Decoded = null!;
    private DecodedAssertion _edDsaDecoded = null!;
    private byte[] _edDsaCose = null!;
    private byte[] _edDsaChallenge = null!;

    private ServiceProvider _services = null!;
    private WebAuthnFactor _factor = null!;
    private ChallengeContext _context = null!;
    private MfaUser _user = null!;
    private AuthenticatorRecord[] _records = null!;
    private ReadOnlyMemory<byte> _factorState;
    private WebAuthnChallengeResponse _factorResponse = null!;

    private PasskeyHandler<BenchmarkUser> _identity = null!;
    private PasskeyAssertionContext _identityContext = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new WebAuthnOptions { RelyingPartyId = RpId, RelyingPartyName = "Example", Origins = [Origin] };
        _policy = RelyingPartyPolicy.From(options);
        _policyW3c = RelyingPartyPolicy.From(new WebAuthnOptions { RelyingPartyId = "example.org", RelyingPartyName = "Example", Origins = ["https://example.org"] });

        using var es256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = es256.ExportParameters(false);
        _es256Public = ECDsa.Create(point);
        _es256Cose = Cose(writer => Ec2(writer, point.Q));
        var credentialId = RandomNumberGenerator.GetBytes(32);
        byte[] SignEs256(byte[] data) => es256.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        _es256 = AssertionPayload.Create(credentialId, Base64Url.EncodeToString(_challenge), Origin, RpId, SignEs256);
        _es256Decoded = Decode(_es256.ResponseJson);

        using var rsa = RSA.Create(2048);
        var rsaParameters = rsa.ExportParameters(false);
        _rs256Public = RSA.Create(rsaParameters);
        _rs256Cose = Cose(writer => Rsa(writer, rsaParameters));
        _rs256 = AssertionPayload.Create(credentialId, Base64Url.EncodeToString(_challenge), Origin, RpId, data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        _rs256Decoded = Decode(_rs256.ResponseJson);

        _edDsaCose = Base64Url.DecodeFromChars(EdDsaKey);
        _edDsaChallenge = Base64Url.DecodeFromChars(EdDsaChallenge);
        _edDsaDecoded = new DecodedAssertion
        {
            CredentialId = credentialId,
            CredentialIdText = Base64Url.EncodeToString(credentialId),
            ClientDataJson = Base64Url.DecodeFromChars(EdDsaClientData),
            AuthenticatorData = Base64Url.DecodeFromChars(EdDsaAuthenticatorData),
            Signature = Base64Url.DecodeFromChars(EdDsaSignature),
        };

        await SetupFactorAsync(es256, credentialId);
        await SetupIdentityAsync(es256, credentialId);
        Check(Es256Verify(), (await Es256FactorCompleteAsync()).Succeeded, Rs256Verify(), EdDsaVerify(), await IdentityPerformAssertionAsync());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _es256Public.Dispose();
        _rs256Public.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: SHA-256(clientData) + P-256 VerifyData")]
    public bool Floor() =>
        _es256Public.VerifyData(Signed(_es256, stackalloc byte[SignedLength]), _es256.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    [Benchmark(Description = "ES256 assertion verify (§7.2, bytes in, cached key)")]
    public bool Es256Verify() => Verify(_policy, _challenge, _es256Cose, _es256Decoded);

    [Benchmark(Description = "ES256 factor CompleteChallengeAsync (JSON in)")]
    public ValueTask<ChallengeCompleteResult> Es256FactorCompleteAsync() => _factor.CompleteChallengeAsync(_context, _factorState, _factorResponse);

    [Benchmark(Description = "ES256 Identity PasskeyHandler.PerformAssertionAsync (JSON in)")]
    public async Task<bool> IdentityPerformAssertionAsync() => (await _identity.PerformAssertionAsync(_identityContext).ConfigureAwait(false)).Succeeded;

    [Benchmark(Description = "floor RS256: SHA-256(clientData) + RSA-2048 VerifyData")]
    public bool Rs256Floor() =>
        _rs256Public.VerifyData(Signed(_rs256, stackalloc byte[SignedLength]), _rs256.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "RS256 assertion verify (§7.2, bytes in, cached key)")]
    public bool Rs256Verify() => Verify(_policy, _challenge, _rs256Cose, _rs256Decoded);

    [Benchmark(Description = "EdDSA (Ed25519) assertion verify (§7.2, spec vector)")]
    public bool EdDsaVerify() => Verify(_policyW3c, _edDsaChallenge, _edDsaCose, _edDsaDecoded);

    /// <summary>authenticatorData || SHA-256(clientDataJSON), the bytes an assertion signs.</summary>
    private static Span<byte> Signed(AssertionPayload payload, Span<byte> buffer)
    {
        payload.AuthenticatorData.CopyTo(buffer);
        SHA256.HashData(payload.ClientDataJson, buffer[payload.AuthenticatorData.Length..]);
        return buffer;
    }

    private static void Check(params bool[] outcomes)
    {
        if (outcomes.Any(ok => !ok))
        {
            throw new InvalidOperationException("A benchmark payload does not verify: " + string.Join(", ", outcomes));
        }
    }

    private static DecodedAssertion Decode(string json) =>
        ResponseDecoder.TryDecodeAssertion(json, out var decoded, out var message) ? decoded! : throw new InvalidOperationException(message);

    private static byte[] Cose(Action<CborWriter> body)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        body(writer);
        return writer.Encode();
    }

    private static void Ec2(CborWriter writer, ECPoint q)
    {
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(-7);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(q.X!);
        writer.WriteInt32(-3);
        writer.WriteByteString(q.Y!);
        writer.WriteEndMap();
    }

    private static void Rsa(CborWriter writer, RSAParameters parameters)
    {
        writer.WriteStartMap(4);
        writer.WriteInt32(1);
        writer.WriteInt32(3);
        writer.WriteInt32(3);
        writer.WriteInt32(-257);
        writer.WriteInt32(-1);
        writer.WriteByteString(parameters.Modulus!);
        writer.WriteInt32(-2);
        writer.WriteByteString(parameters.Exponent!);
        writer.WriteEndMap();
    }

    private bool Verify(RelyingPartyPolicy policy, byte[] challenge, byte[] cose, DecodedAssertion decoded)
    {
        return AssertionProcedure.Verify(policy, _keys, new AssertionExpectation(challenge, RequireUserVerification: false, AppId: null), [], decoded, Lookup, userIdentifiedBefore: true).Succeeded;

        Mfa.Core.MfaFailureReason Lookup(DecodedAssertion _, out AssertionCredential credential, out string? message)
        {
            (credential, message) = (new AssertionCredential(cose, ReadOnlyMemory<byte>.Empty, 0, BackupEligible: false, IsDevice: false), null);
            return Mfa.Core.MfaFailureReason.None;
        }
    }

    private async Task SetupFactorAsync(ECDsa key, byte[] credentialId)
    {
        var services = new ServiceCollection();
        services.AddMfa(o => o.SecretKey = new byte[32]).UseInMemoryStores().AddWebAuthn(o => (o.RelyingPartyId, o.RelyingPartyName, o.Origins) = (RpId, "Example", [Origin]));
        _services = services.BuildServiceProvider();
        _factor = _services.GetServices<IFactor>().OfType<WebAuthnFactor>().Single();
        _user = new MfaUser("alice", "Alice");
        var data = $$"""{"v":1,"kind":"security-key","publicKey":"{{Base64Url.EncodeToString(_es256Cose)}}","alg":-7,"signCount":0,"userHandle":"dXNlcg"}""";
        _records =
        [
            new AuthenticatorRecord { Id = "r1", UserId = _user.Id, Kind = FactorKinds.WebAuthn, Name = "key", CredentialId = Base64Url.EncodeToString(credentialId), Data = data, CreatedAt = DateTimeOffset.UnixEpoch, Version = 1 },
        ];
        _context = new ChallengeContext(_user, "challenge", MfaPurpose.SignIn, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, _records);
        var begun = await _factor.BeginChallengeAsync(_context, new WebAuthnChallengeRequest(MfaPurpose.SignIn));
        _factorState = begun.State;
        var challenge = JsonDocument.Parse(((WebAuthnChallengePrompt)begun.Prompt!).OptionsJson).RootElement.GetProperty("challenge").GetString()!;
        var payload = AssertionPayload.Create(credentialId, challenge, Origin, RpId, data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        _factorResponse = new WebAuthnChallengeResponse(payload.ResponseJson);
    }

    private async Task SetupIdentityAsync(ECDsa key, byte[] credentialId)
    {
        var user = new BenchmarkUser();
        user.Passkeys.Add(new UserPasskeyInfo(credentialId, _es256Cose, DateTimeOffset.UnixEpoch, 0, ["usb"], isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [], clientDataJson: []));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<BenchmarkUser>();
        services.AddSingleton<IUserStore<BenchmarkUser>>(new BenchmarkUserStore(user));
        var provider = services.BuildServiceProvider();
        var userManager = provider.GetRequiredService<UserManager<BenchmarkUser>>();
        // The same origin rule as the SDK's: an exact match against the configured origin.
        var passkeyOptions = new IdentityPasskeyOptions { ServerDomain = RpId, ValidateOrigin = context => ValueTask.FromResult(context.Origin == Origin && !context.CrossOrigin) };
        _identity = new PasskeyHandler<BenchmarkUser>(userManager, Options.Create(passkeyOptions));
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString(RpId);
        var request = await _identity.MakeRequestOptionsAsync(user, http);
        var challenge = JsonDocument.Parse(request.RequestOptionsJson).RootElement.GetProperty("challenge").GetString()!;
        var payload = AssertionPayload.Create(credentialId, challenge, Origin, RpId, data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        _identityContext = new PasskeyAssertionContext { HttpContext = http, CredentialJson = payload.ResponseJson, AssertionState = request.AssertionState };
    }
}
