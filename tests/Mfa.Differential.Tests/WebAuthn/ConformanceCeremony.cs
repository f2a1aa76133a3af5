using Mfa.Testing.WebAuthn;
using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Parsing;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>A conformance case turned into what both verifiers take: options JSON, response JSON and settings.</summary>
internal sealed class ConformanceCeremony
{
    /// <summary>The fixture's reference date; certificates are checked here unless the case pins <c>policy.verifyAt</c>.</summary>
    private static readonly DateTimeOffset s_defaultNow = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static readonly int[] s_allAlgorithms = [-7, -35, -36, -8, -19, -53, -257, -258, -259, -37, -38, -39, -65535];

    private ConformanceCeremony(JsonElement testCase)
    {
        Case = testCase;
        Id = testCase.GetProperty("id").GetString()!;
        var rp = testCase.GetProperty("relyingParty");
        var policy = testCase.GetProperty("policy");
        var expected = testCase.GetProperty("expected");
        RelyingParty = new RelyingParty(
            rp.GetProperty("id").GetString()!,
            [.. rp.GetProperty("origins").EnumerateArray().Select(o => o.GetString()!)],
            policy.TryGetProperty("allowCrossOrigin", out var cross) && cross.GetBoolean(),
            rp.TryGetProperty("topOrigins", out var tops) ? [.. tops.EnumerateArray().Select(o => o.GetString()!)] : null);
        UserVerification = ConformanceCases.Text(policy, "userVerification") ?? "preferred";
        ExpectedSuccess = ConformanceCases.Text(expected, "outcome") == "success";
        Challenge = ConformanceCases.Text(testCase, "options", "challenge")!;
        ResponseJson = testCase.GetProperty("credential").GetRawText();

        // SafetyNet responses are checked at their JWS timestamp: the SDK requires them fresh (±60 s), as Mfa.WebAuthn.Tests does.
        Now = ConformanceCases.Text(expected, "fmt") == "android-safetynet" ? SafetyNetTimestamp(ResponseJson)
            : ConformanceCases.Text(policy, "verifyAt") is { } at ? ConformanceCases.ParseTime(at)
            : s_defaultNow;

        var allowRs1 = ConformanceCases.Text(expected, "fmt") == "tpm" || (expected.TryGetProperty("alg", out var alg) && alg.GetInt32() == -65535);
        Options = new WebAuthnOptions
        {
            RelyingPartyId = RelyingParty.Id,
            RelyingPartyName = "Conformance",
            Origins = [.. RelyingParty.Origins],
            AllowCrossOrigin = RelyingParty.AllowCrossOrigin,
            UserVerification = UserVerification switch
            {
                "required" => UserVerificationRequirement.Required,
                "discouraged" => UserVerificationRequirement.Discouraged,
                _ => UserVerificationRequirement.Preferred,
            },
            AllowRs1 = allowRs1,
        };
        if (RelyingParty.TopOrigins is { } topOrigins)
        {
            Options.AllowedTopOrigins = [.. topOrigins];
        }

        if (policy.TryGetProperty("trustAnchors", out var names))
        {
            var aaguid = ConformanceCases.Text(expected, "aaguid") is { } text ? Guid.Parse(text) : Guid.Empty;
            Options.Attestation = AttestationConveyance.Direct;
            Options.TrustAnchors = new Dictionary<Guid, IReadOnlyList<X509Certificate2>> { [aaguid] = [.. names.EnumerateArray().Select(n => ConformanceCases.Anchor(n.GetString()!))] };
            Options.RequireTrustedAttestation = true;
        }

        if (policy.TryGetProperty("enforceSafetyNetCtsProfileMatch", out var cts))
        {
            Options.RequireSafetyNetCtsProfileMatch = cts.GetBoolean();
        }

        var algorithms = policy.TryGetProperty("allowedAlgorithms", out var algs) ? [.. algs.EnumerateArray().Select(a => a.GetInt32())] : s_allAlgorithms;
        CreationOptionsJson = new JsonObject
        {
            ["rp"] = new JsonObject { ["id"] = RelyingParty.Id, ["name"] = "Conformance" },
            ["user"] = new JsonObject { ["id"] = "dXNlcg", ["name"] = "user", ["displayName"] = "user" },
            ["challenge"] = Challenge,
            ["pubKeyCredParams"] = new JsonArray([.. algorithms.Select(a => (JsonNode)new JsonObject { ["type"] = "public-key", ["alg"] = a })]),
            ["attestation"] = "direct",
            ["authenticatorSelection"] = new JsonObject { ["userVerification"] = UserVerification },
        }.ToJsonString();

        if (testCase.TryGetProperty("storedCredential", out var stored))
        {
            StoredPublicKey = ConformanceCases.Bytes(ConformanceCases.Text(stored, "credentialPublicKey")!);
            StoredSignCount = stored.GetProperty("signCount").GetUInt32();
            var storedId = Base64Url.EncodeToString(ConformanceCases.Bytes(ConformanceCases.Text(stored, "credentialId")!));
            StoredCredential = new WebAuthnStoredCredential(storedId, StoredPublicKey)
            {
                SignCount = StoredSignCount,
                BackupEligible = stored.TryGetProperty("backupEligible", out var be) && be.GetBoolean(),
            };
            RequestOptionsJson = new JsonObject
            {
                ["challenge"] = Challenge,
                ["rpId"] = RelyingParty.Id,
                ["allowCredentials"] = new JsonArray(new JsonObject { ["type"] = "public-key", ["id"] = storedId }),
                ["userVerification"] = UserVerification,
            }.ToJsonString();
        }
    }

    public JsonElement Case { get; }

    public string Id { get; }

    public RelyingParty RelyingParty { get; }

    public string UserVerification { get; }

    public bool ExpectedSuccess { get; }

    public DateTimeOffset Now { get; }

    public string Challenge { get; }

    public string ResponseJson { get; }

    public WebAuthnOptions Options { get; }

    public string CreationOptionsJson { get; }

    public string? RequestOptionsJson { get; }

    public byte[]? StoredPublicKey { get; }

    public uint StoredSignCount { get; }

    public WebAuthnStoredCredential? StoredCredential { get; }

    private static DateTimeOffset SafetyNetTimestamp(string responseJson)
    {
        Assert.That(ResponseDecoder.TryDecodeRegistration(responseJson, out var decoded, out _), Is.True);
        Assert.That(AttestationObject.TryParse(decoded!.AttestationObject, out var parsed, out _), Is.True);
        var statement = AttestationStatement.Parse(parsed!.Statement);
        var jws = System.Text.Encoding.ASCII.GetString(statement.GetBytes("response").Span).Split('.');
        using var payload = JsonDocument.Parse(ConformanceCases.Bytes(jws[1]));
        return DateTimeOffset.FromUnixTimeMilliseconds(payload.RootElement.GetProperty("timestampMs").GetInt64());
    }

    public static ConformanceCeremony Registration(string id) => new(ConformanceCases.Registration(id));

    public static ConformanceCeremony Authentication(string id) => new(ConformanceCases.Authentication(id));
}
