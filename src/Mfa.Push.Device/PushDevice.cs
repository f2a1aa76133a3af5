using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.Push.Device.Jose;

namespace Mfa.Push.Device;

/// <summary>
/// The phone side of the push protocol: device keys, enrollment, verifying the server's challenges against the pinned
/// key, and signing answers, request proofs and address updates (push spec §3.3, §3.5, §4.5, §4.8, §5).
/// </summary>
/// <remarks>
/// This class keeps its P-256 keys in memory and can export them to a file (<see cref="Export"/>): right for tests, the
/// <c>mfa</c> tool's simulator and a sample phone page. A real app keeps the keys in hardware-backed, non-exportable
/// storage (Secure Enclave, Android Keystore) with the UV key gated by a biometric or PIN prompt per use.
/// </remarks>
public sealed partial class PushDevice : IDisposable
{
    private const int MaxRemembered = 100;
    private static readonly TimeSpan s_deviceSkew = TimeSpan.FromSeconds(120);
    private readonly ECDsa _possessionKey;
    private readonly ECDsa? _uvKey;
    private readonly TimeProvider _time;
    private readonly List<string> _answered = [];
    private Enrollment? _enrollment;

    private PushDevice(ECDsa possessionKey, ECDsa? uvKey, TimeProvider time)
    {
        _possessionKey = possessionKey;
        _uvKey = uvKey;
        _time = time;
    }

    /// <summary>Whether the device finished enrolling.</summary>
    [MemberNotNullWhen(true, nameof(CredentialId), nameof(VerifierId), nameof(ChallengesEndpoint), nameof(PushAddressEndpoint))]
    public bool IsEnrolled => _enrollment is not null;

    /// <summary>Whether the device has a user-verification key.</summary>
    public bool HasUvKey => _uvKey is not null;

    /// <summary>The credential id the verifier assigned.</summary>
    public string? CredentialId => _enrollment?.CredentialId;

    /// <summary>The verifier's origin.</summary>
    public string? VerifierId => _enrollment?.VerifierId;

    /// <summary>The challenges endpoint (<c>GET</c> to pull, <c>GET …/{cid}</c> to fetch, <c>POST …/{cid}/response</c> to answer).</summary>
    public Uri? ChallengesEndpoint => _enrollment?.Challenges;

    /// <summary>The push-address update endpoint.</summary>
    public Uri? PushAddressEndpoint => _enrollment?.PushAddress;

    /// <summary>Creates a device with new P-256 keys.</summary>
    /// <param name="withUvKey">Whether to create a user-verification key too (push spec §3.3 step 3: SHOULD).</param>
    /// <param name="time">The device clock; the system clock when <see langword="null"/>.</param>
    /// <returns>The device.</returns>
    public static PushDevice Create(bool withUvKey = true, TimeProvider? time = null) =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256), withUvKey ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null, time ?? TimeProvider.System);

    /// <summary>The URL to fetch one challenge from (push spec §4.6).</summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <returns>The URL.</returns>
    public Uri ChallengeUri(string challengeId)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        return new Uri(RequireEnrollment().Challenges + "/" + Uri.EscapeDataString(challengeId));
    }

    /// <summary>The URL to post an answer to (push spec §5.2).</summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <returns>The URL.</returns>
    public Uri ResponseUri(string challengeId) => new(ChallengeUri(challengeId) + "/response");

    /// <summary>Builds the enrollment request (push spec §3.3 step 5), signed with the possession key; post it as <see cref="EnrollmentBody"/>.</summary>
    /// <param name="link">The scanned QR code.</param>
    /// <param name="info">The device's description.</param>
    /// <param name="address">Where to send notifications (<see cref="DevicePushAddress.Poll"/> for none).</param>
    /// <returns>The enrollment JWS.</returns>
    public string CreateEnrollmentRequest(PushEnrollmentLink link, PushDeviceInfo info, DevicePushAddress address)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(address);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return DeviceJws.Sign(
            _possessionKey,
            w =>
            {
                w.WriteString("alg", "ES256");
                w.WriteString("typ", "mfa-push-enroll+jwt");
                w.WritePropertyName("jwk");
                WritePublicJwk(w, _possessionKey);
            },
            w =>
            {
                w.WriteNumber("v", 1);
                w.WriteString("aud", link.VerifierId);
                w.WriteString("eid", link.EnrollmentId);
                w.WriteString("t", link.Token);
                w.WriteNumber("iat", now);
                w.WriteNumber("exp", now + 300);
                w.WriteString("jti", NewJti());
                w.WriteStartObject("dev");
                w.WriteString("platform", info.Platform);
                w.WriteString("name", info.Name);
                w.WriteString("app", info.AppVersion);
                w.WriteString("os", info.OsVersion);
                w.WriteEndObject();
                address.Write(w);
                if (_uvKey is not null)
                {
                    w.WritePropertyName("uvJwk");
                    WritePublicJwk(w, _uvKey);
                }
            });
    }

    /// <summary>The body to post the enrollment request with: <c>{"enroll":"&lt;JWS&gt;"}</c>.</summary>
    /// <param name="enrollmentRequest">The JWS.</param>
    /// <returns>The JSON body.</returns>
    public static string EnrollmentBody(string enrollmentRequest) => DeviceJws.JsonString(w => w.WriteString("enroll", enrollmentRequest));

    /// <summary>The body to post an answer with: <c>{"response":"&lt;JWS&gt;"}</c>.</summary>
    /// <param name="responseToken">The JWS.</param>
    /// <returns>The JSON body.</returns>
    public static string ResponseBody(string responseToken) => DeviceJws.JsonString(w => w.WriteString("response", responseToken));

    /// <summary>The body to post an address update with: <c>{"update":"&lt;JWS&gt;"}</c>.</summary>
    /// <param name="updateToken">The JWS.</param>
    /// <returns>The JSON body.</returns>
    public static string UpdateBody(string updateToken) => DeviceJws.JsonString(w => w.WriteString("update", updateToken));

    /// <summary>
    /// Finishes enrolling from the verifier's <c>201</c> answer (push spec §3.4 step 10): checks the server key against the
    /// QR code's pin before storing anything.
    /// </summary>
    /// <param name="link">The QR code enrolled with.</param>
    /// <param name="responseJson">The answer's body.</param>
    /// <returns><see cref="PushDeviceError.None"/>, or why the answer was refused (nothing stored).</returns>
    public PushDeviceError CompleteEnrollment(PushEnrollmentLink link, string responseJson)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(responseJson);
        if (!StrictJson.TryParseObject(responseJson, out var root))
        {
            return PushDeviceError.Malformed;
        }

        var response = new Claims(root);
        if (!response.TryGetString("credentialId", out var credentialId) || !response.TryGetString("userHandle", out var userHandle)
            || !response.TryGetObject("serverKey", out var serverKey) || !serverKey.TryGetString("kid", out var serverKid)
            || !serverKey.TryGetObject("jwk", out var serverJwk) || !TryImportPublicJwk(serverJwk, out var serverEcdsa)
            || !response.TryGetObject("endpoints", out var endpoints)
            || !endpoints.TryGetString("challenges", out var challenges) || !IsHttps(challenges, out var challengesUri)
            || !endpoints.TryGetString("pushAddress", out var pushAddress) || !IsHttps(pushAddress, out var pushAddressUri))
        {
            return PushDeviceError.Malformed;
        }

        using (serverEcdsa)
        {
            // Push spec §3.4: SHA-256(SPKI(serverKey.jwk)) == skh, so a substituted key is refused.
            var pin = Base64UrlStrict.Encode(SHA256.HashData(serverEcdsa.ExportSubjectPublicKeyInfo()));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(pin), Encoding.ASCII.GetBytes(link.ServerKeyHash)))
            {
                return PushDeviceError.ServerKeyMismatch;
            }

            _enrollment = new Enrollment(link.VerifierId, credentialId, userHandle, serverKid, serverJwk.Root.GetRawText(), challengesUri, pushAddressUri);
        }

        return PushDeviceError.None;
    }

    /// <summary>Verifies a challenge token (push spec §4.5): the pinned key's signature, <c>iss</c>, <c>aud</c>, <c>sub</c>, not expired.</summary>
    /// <param name="challengeToken">The token as fetched, pulled or received.</param>
    /// <returns>The challenge to show, or why it is dropped.</returns>
    public PushDeviceChallengeResult ReadChallenge(string challengeToken)
    {
        ArgumentNullException.ThrowIfNull(challengeToken);
        if (_enrollment is not { } enrollment)
        {
            return new(PushDeviceError.NotEnrolled, null);
        }

        using var serverKey = enrollment.CreateServerKey();
        var error = DeviceJws.TryVerify(challengeToken, "mfa-push-chal+jwt", serverKey, out var header, out var claims);
        if (error != PushDeviceError.None || header is null)
        {
            return new(error, null);
        }

        if (!header.Value.TryGetString("kid", out var kid) || kid != enrollment.ServerKeyId)
        {
            return new(PushDeviceError.InvalidSignature, null);
        }

        if (!claims.IsVersion1() || !claims.TryGetString("cid", out var cid) || !claims.TryGetString("nonce", out var nonce)
            || !claims.TryGetInt64("exp", out var exp) || !claims.TryGetObject("nm", out var nm) || !nm.TryGetString("mode", out var mode)
            || !claims.TryGetString("uv", out var uv) || !claims.TryGetObject("ctx", out var ctx))
        {
            return new(PushDeviceError.Malformed, null);
        }

        if (!claims.TryGetString("iss", out var iss) || iss != enrollment.VerifierId
            || !claims.TryGetString("aud", out var aud) || aud != enrollment.CredentialId
            || !claims.TryGetString("sub", out var sub) || sub != enrollment.UserHandle)
        {
            return new(PushDeviceError.WrongAudience, null);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(exp, 0, 253402300799));
        if (_time.GetUtcNow() > expiresAt + s_deviceSkew)
        {
            return new(PushDeviceError.Expired, null);
        }

        if (_answered.Contains(cid, StringComparer.Ordinal))
        {
            return new(PushDeviceError.AlreadyAnswered, null);
        }

        return new(PushDeviceError.None, new PushDeviceChallenge(challengeToken, cid, nonce, expiresAt)
        {
            Transaction = claims.TryGetString("tx", out var tx) ? tx : "login",
            Application = Optional(ctx, "app"),
            IpAddress = Optional(ctx, "ip"),
            ApproximateLocation = Location(ctx),
            Time = Optional(ctx, "time"),
            UserAgent = Optional(ctx, "ua"),
            Account = Optional(ctx, "acct"),
            NumberMode = mode,
            NumberLength = nm.TryGetInt64("len", out var len) && len is > 0 and < 20 ? (int)len : 0,
            NumberOptions = Options(nm),
            UserVerification = uv,
        });
    }

    /// <summary>Signs the answer to a verified challenge (push spec §5.2); post it as <see cref="ResponseBody"/>.</summary>
    /// <param name="challenge">The challenge shown.</param>
    /// <param name="action">The user's answer.</param>
    /// <param name="number">For an approval with number matching: the number the user typed or chose.</param>
    /// <param name="reason">For a deny: why.</param>
    /// <param name="responseToken">The response JWS.</param>
    /// <returns><see cref="PushDeviceError.None"/>, or <see cref="PushDeviceError.NumberRequired"/> when an approval lacks a valid number.</returns>
    public PushDeviceError TryAnswer(PushDeviceChallenge challenge, PushDeviceAction action, string? number, PushDeviceDenyReason reason, out string responseToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        responseToken = string.Empty;
        var enrollment = RequireEnrollment();
        var needsNumber = action == PushDeviceAction.Approve && challenge.NumberMode is "enter" or "choose";
        if (needsNumber && (string.IsNullOrEmpty(number) || !number.All(char.IsAsciiDigit)
            || (challenge.NumberMode == "choose" && !challenge.NumberOptions.Contains(number, StringComparer.Ordinal))))
        {
            return PushDeviceError.NumberRequired;
        }

        // Push spec §5.2: an approval under uv=required MUST use the UV key; deny/report may use either.
        var useUv = action == PushDeviceAction.Approve && _uvKey is not null && challenge.UserVerification != "discouraged";
        var key = useUv && _uvKey is { } uvKey ? uvKey : _possessionKey;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var chal = Base64UrlStrict.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(challenge.Token)));
        responseToken = DeviceJws.Sign(
            key,
            w =>
            {
                w.WriteString("alg", "ES256");
                w.WriteString("typ", "mfa-push-resp+jwt");
                w.WriteString("kid", useUv ? enrollment.CredentialId + ".uv" : enrollment.CredentialId);
            },
            w =>
            {
                w.WriteNumber("v", 1);
                w.WriteString("iss", enrollment.CredentialId);
                w.WriteString("aud", enrollment.VerifierId);
                w.WriteString("sub", enrollment.UserHandle);
                w.WriteString("cid", challenge.ChallengeId);
                w.WriteString("nonce", challenge.Nonce);
                w.WriteString("chal", chal);
                w.WriteString("act", action switch { PushDeviceAction.Approve => "approve", PushDeviceAction.Deny => "deny", _ => "report" });
                if (needsNumber)
                {
                    w.WriteString("num", number);
                }

                if (action == PushDeviceAction.Deny && reason != PushDeviceDenyReason.None)
                {
                    w.WriteString("rsn", reason switch { PushDeviceDenyReason.Cancelled => "cancelled", PushDeviceDenyReason.NotMe => "not_me", _ => "other" });
                }

                w.WriteNumber("iat", now);
                w.WriteNumber("exp", now + 60);
                w.WriteString("jti", NewJti());
            });
        Remember(challenge.ChallengeId);
        return PushDeviceError.None;
    }

    /// <summary>Signs a request proof (push spec §4.8) for the <c>MfaPush-Proof</c> header of a fetch or pull.</summary>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="url">The request URL (query and fragment are left out of the proof).</param>
    /// <returns>The proof JWS.</returns>
    public string CreateProof(string method, Uri url)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        var enrollment = RequireEnrollment();
        return DeviceJws.Sign(
            _possessionKey,
            w =>
            {
                w.WriteString("alg", "ES256");
                w.WriteString("typ", "mfa-push-proof+jwt");
                w.WriteString("kid", enrollment.CredentialId);
            },
            w =>
            {
                w.WriteString("htm", method);
                w.WriteString("htu", url.GetLeftPart(UriPartial.Path));
                w.WriteNumber("iat", _time.GetUtcNow().ToUnixTimeSeconds());
                w.WriteString("jti", NewJti());
            });
    }

    /// <summary>Signs a push address update (push spec §3.5); post it as <see cref="UpdateBody"/> to <see cref="PushAddressEndpoint"/>.</summary>
    /// <param name="address">The new address.</param>
    /// <returns>The update JWS.</returns>
    public string CreatePushAddressUpdate(DevicePushAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var enrollment = RequireEnrollment();
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return DeviceJws.Sign(
            _possessionKey,
            w =>
            {
                w.WriteString("alg", "ES256");
                w.WriteString("typ", "mfa-push-update+jwt");
                w.WriteString("kid", enrollment.CredentialId);
            },
            w =>
            {
                w.WriteNumber("v", 1);
                w.WriteString("iss", enrollment.CredentialId);
                w.WriteString("aud", enrollment.VerifierId);
                address.Write(w);
                w.WriteNumber("iat", now);
                w.WriteNumber("exp", now + 300);
                w.WriteString("jti", NewJti());
            });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _possessionKey.Dispose();
        _uvKey?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"PushDevice {{ CredentialId = {CredentialId} }}";

    private static string NewJti() => Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(16));

    private static string? Optional(Claims claims, string name) => claims.TryGetString(name, out var value) ? value : null;

    private static string? Location(Claims ctx)
    {
        if (!ctx.TryGetObject("geo", out var geo))
        {
            return null;
        }

        var parts = new[] { Optional(geo, "city"), Optional(geo, "region"), Optional(geo, "country") }.Where(p => p is not null);
        return string.Join(", ", parts);
    }

    private static List<string> Options(Claims nm)
    {
        var options = new List<string>();
        if (nm.Root.TryGetProperty("options", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            options.AddRange(array.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString() ?? string.Empty));
        }

        return options;
    }

    private static bool IsHttps(string value, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri) && uri.Scheme == Uri.UriSchemeHttps;

    private void Remember(string challengeId)
    {
        _answered.Add(challengeId);
        if (_answered.Count > MaxRemembered)
        {
            _answered.RemoveAt(0);
        }
    }

    private Enrollment RequireEnrollment() => _enrollment ?? throw new InvalidOperationException("The device is not enrolled.");
}
