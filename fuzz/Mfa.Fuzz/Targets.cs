using System.Net;
using System.Text;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Mfa.Push.Jose;
using Mfa.Totp.Encoding;
using Mfa.Totp.KeyUri;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Inspection;
using Mfa.WebAuthn.Parsing;

namespace Mfa.Fuzz;

/// <summary>The fuzz targets: every parser a client (or a remote server) feeds.</summary>
internal static class Targets
{
    private const string WebAuthnAssembly = "Mfa.WebAuthn.dll";
    private const string TotpAssembly = "Mfa.Totp.dll";
    private const string PushAssembly = "Mfa.Push.dll";
    private const string DuoAssembly = "Mfa.Duo.dll";
    private static readonly string[] s_pushTokenTypes = ["mfa-push-resp+jwt", "mfa-push-proof+jwt", "mfa-push-update+jwt", "mfa-push-enroll+jwt"];

    private static readonly byte[] s_challenge = Convert.FromBase64String("iVlX4BxjOmmDSKLYoxpUt9sn6MHEOyCA15riGQJnv9I=");
    private static readonly byte[] s_signedData = Encoding.UTF8.GetBytes("data the key is asked to verify");
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private const string CreationOptions =
        """{"rp":{"id":"example.org","name":"Fuzz"},"user":{"id":"dXNlcg","name":"u","displayName":"u"},"challenge":"iVlX4BxjOmmDSKLYoxpUt9sn6MHEOyCA15riGQJnv9I","pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-8},{"type":"public-key","alg":-257},{"type":"public-key","alg":-37}],"attestation":"direct"}""";

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("attestation-object", [WebAuthnAssembly], AttestationObjectTarget),
        new("authenticator-data", [WebAuthnAssembly], AuthenticatorDataTarget),
        new("client-data", [WebAuthnAssembly], ClientDataTarget),
        new("cose-key", [WebAuthnAssembly], CoseKeyTarget),
        new("response-json", [WebAuthnAssembly], ResponseJsonTarget),
        new("inspect", [WebAuthnAssembly], InspectTarget),
        new("otpauth-uri", [TotpAssembly], OtpAuthUriTarget),
        new("base32", [TotpAssembly], Base32Target),
        new("push-jws", [PushAssembly], PushJwsTarget),
        new("duo-response", [DuoAssembly], DuoResponseTarget),
    ];

    /// <summary>CBOR attestation object: parse, then (if it parses) verify its statement as registration would.</summary>
    private static void AttestationObjectTarget(byte[] input)
    {
        if (AttestationObject.TryParse(input, out var parsed, out var failure) != (failure == Mfa.Core.MfaFailureReason.None))
        {
            throw new FuzzFinding("TryParse and its failure reason disagree.");
        }

        if (parsed is not null && parsed.AuthenticatorData.AttestedCredential is null && parsed.AuthenticatorData.Flags.HasFlag(AuthenticatorDataFlags.AttestedCredentialData))
        {
            throw new FuzzFinding("AT flag set but no attested credential data.");
        }
    }

    private static void AuthenticatorDataTarget(byte[] input)
    {
        if (AuthenticatorData.TryParse(input, out var data, out var failure) && (data is null || failure != Mfa.Core.MfaFailureReason.None))
        {
            throw new FuzzFinding("TryParse succeeded without data.");
        }

        if (data is not null && data.Raw.Length != input.Length)
        {
            throw new FuzzFinding("Parsed authenticator data does not span the input.");
        }
    }

    private static void ClientDataTarget(byte[] input)
    {
        _ = ClientDataVerifier.Verify(input, "webauthn.get"u8, s_challenge, Fixture.Policy, out _);
        _ = ClientDataVerifier.Verify(input, "webauthn.create"u8, s_challenge, Fixture.Policy, out _);
    }

    private static void CoseKeyTarget(byte[] input)
    {
        if (CoseKey.TryDecode(input, allowRs1: true, out var key, out _) && key is not null)
        {
            // A decoded key must verify (to false) any signature bytes without throwing.
            _ = key.VerifySignature(s_signedData, input);
            _ = key.VerifyP1363Signature(s_signedData, input);
        }
    }

    /// <summary>The JSON a browser posts: registration and assertion responses through the public verifier.</summary>
    private static void ResponseJsonTarget(byte[] input)
    {
        var json = Encoding.UTF8.GetString(input);
        _ = ResponseDecoder.TryDecodeRegistration(json, out _, out _);
        _ = ResponseDecoder.TryDecodeAssertion(json, out _, out _);
        _ = WebAuthnVerifier.VerifyRegistration(CreationOptions, json, Fixture.Options, s_now);
    }

    private static void InspectTarget(byte[] input) =>
        _ = WebAuthnInspector.TryInspect(Encoding.UTF8.GetString(input), out _, out _);

    private static void OtpAuthUriTarget(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (OtpAuthUri.TryParse(text, out var uri, out _))
        {
            // Whatever parses must format and parse back to the same URI.
            var again = uri.ToUriString();
            if (!OtpAuthUri.TryParse(again, out var reparsed, out var error) || reparsed.ToUriString() != again)
            {
                throw new FuzzFinding($"otpauth URI does not round-trip: {error}");
            }
        }
    }

    private static void Base32Target(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var alphabet in Enum.GetValues<Base32Alphabet>())
        {
            if (Base32.TryDecode(text, out var bytes, out _, alphabet))
            {
                var encoded = Base32.Encode(bytes, padding: false, alphabet);
                if (!Base32.TryDecode(encoded, out var again, out _, alphabet) || !again.AsSpan().SequenceEqual(bytes))
                {
                    throw new FuzzFinding("Base32 does not round-trip.");
                }
            }
        }
    }

    /// <summary>
    /// WebAuthn settings, in their own class so that nothing instrumented runs before SharpFuzz has set up its shared
    /// memory: instrumented code that runs first (a static initialiser of <see cref="Targets"/>) crashes the fork server.
    /// </summary>
    private static class Fixture
    {
        public static readonly WebAuthnOptions Options = new()
        {
            RelyingPartyId = "example.org",
            RelyingPartyName = "Fuzz",
            Origins = ["https://example.org"],
            AllowRs1 = true,
        };

        public static readonly RelyingPartyPolicy Policy = RelyingPartyPolicy.From(Options);
    }

    /// <summary>A phone's compact JWS (answer, proof, address update, enrollment): the strict reader, both key placements.</summary>
    private static void PushJwsTarget(byte[] input)
    {
        var token = Encoding.UTF8.GetString(input);
        foreach (var type in s_pushTokenTypes)
        {
            foreach (var keyInHeader in (ReadOnlySpan<bool>)[false, true])
            {
                var read = JwsReader.TryRead(token, type, keyInHeader, out var jws);
                if ((read == Mfa.Push.PushProtocolError.None) != (jws is not null))
                {
                    throw new FuzzFinding("TryRead's error and its token disagree.");
                }

                if (jws is not null)
                {
                    _ = StrictJson.TryParseObject(jws.Payload, out _);
                }
            }
        }
    }

    /// <summary>What a Duo server (or anything posing as one) answers: the JSON envelope, and an id_token as text.</summary>
    private static void DuoResponseTarget(byte[] input)
    {
        _ = DuoJson.ParseObject(input);
        foreach (var status in (ReadOnlySpan<HttpStatusCode>)[HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests])
        {
            _ = DuoEnvelope.From(DuoHttpResponse.Json(status, input));
        }

        _ = DuoJwt.TryRead(Encoding.UTF8.GetString(input), "fuzz-client-secret-fuzz-client-secret", out _);
    }
}
