using System.Security.Cryptography;
using System.Text;
using Mfa.Core;
using Mfa.Push.Jose;
using Mfa.Push.Keys;

namespace Mfa.Push.Enrollment;

/// <summary>
/// Enrollment of a push device (push spec §3): mints the one-time QR code and verifies the device's signed request in
/// the spec's order. Pure: the caller keeps <see cref="PushEnrollmentState"/>, consumes it once, and stores the device.
/// </summary>
public sealed class PushEnrollment
{
    /// <summary>The <c>typ</c> of an enrollment request.</summary>
    internal const string TokenType = "mfa-push-enroll+jwt";

    /// <summary>Push spec §3.3: <c>exp - iat &lt;= 300</c>.</summary>
    internal static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromSeconds(300);

    private const int MaxLabelLength = 64;
    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the enrollment verifier.</summary>
    /// <param name="options">Validated push options.</param>
    /// <param name="time">The clock.</param>
    public PushEnrollment(PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Starts an enrollment (push spec §3.1–§3.2): a one-time token and the QR code's URI.</summary>
    /// <param name="accountLabel">The account label the app shows (display only; the user's name or e-mail is fine here).</param>
    /// <param name="userHandle">The user's opaque, non-PII handle; a new random one (16 octets) when <see langword="null"/>.</param>
    /// <returns>The URI to show and the state to keep.</returns>
    public PushEnrollmentStart Begin(string accountLabel, string? userHandle = null) => Start(accountLabel, userHandle, enrollmentId: null);

    /// <summary>Begins an enrollment under an enrollment id minted elsewhere (the MFA service's): the phone's <c>eid</c>.</summary>
    internal PushEnrollmentStart BeginFor(string enrollmentId, string accountLabel, string? userHandle) => Start(accountLabel, userHandle, enrollmentId);

    private PushEnrollmentStart Start(string accountLabel, string? userHandle, string? enrollmentId)
    {
        ArgumentNullException.ThrowIfNull(accountLabel);
        var signingKey = _options.SigningKey;
        var token = RandomId(32);
        var state = new PushEnrollmentState
        {
            EnrollmentId = enrollmentId ?? RandomId(16),
            TokenHash = HashToken(token),
            UserHandle = userHandle ?? RandomId(16),
            ExpiresAt = _time.GetUtcNow() + _options.EnrollmentLifetime,
        };
        var skh = Base64UrlStrict.Encode(SHA256.HashData(signingKey.ExportSubjectPublicKeyInfo()));
        var uri = new StringBuilder("mfapush://enroll?v=1")
            .Append("&url=").Append(Uri.EscapeDataString(_options.EnrollmentEndpoint))
            .Append("&eid=").Append(state.EnrollmentId)
            .Append("&t=").Append(token)
            .Append("&iss=").Append(Uri.EscapeDataString(TextRules.Label(_options.IssuerLabel, MaxLabelLength)))
            .Append("&acct=").Append(Uri.EscapeDataString(TextRules.Label(accountLabel, MaxLabelLength)))
            .Append("&skh=").Append(skh)
            .ToString();
        return new PushEnrollmentStart(uri, state);
    }

    /// <summary>
    /// Reads the enrollment id (<c>eid</c>) of a request to load its <see cref="PushEnrollmentState"/>. Nothing is
    /// verified yet: use the id only as a lookup key, then call <see cref="Verify"/>.
    /// </summary>
    /// <param name="enrollToken">The <c>enroll</c> JWS as received.</param>
    /// <param name="enrollmentId">The enrollment id it names.</param>
    /// <returns>Whether the token has the shape of an enrollment request.</returns>
    public static bool TryReadEnrollmentId(string? enrollToken, out string enrollmentId)
    {
        enrollmentId = string.Empty;
        if (JwsReader.TryRead(enrollToken, TokenType, keyInHeader: true, out var jws) != PushProtocolError.None || jws is null
            || !jws.TryParsePayload(out var claims) || !claims.TryGetString("eid", out var eid) || eid.Length > 64)
        {
            return false;
        }

        enrollmentId = eid;
        return true;
    }

    /// <summary>Verifies a device's enrollment request (push spec §3.4 steps 1–8, in that order).</summary>
    /// <param name="enrollToken">The <c>enroll</c> JWS exactly as received.</param>
    /// <param name="state">The pending enrollment the request's <c>eid</c> names (the caller loads it; pass only a pending one).</param>
    /// <param name="enrolledDeviceCount">How many push devices the user already has (step 8).</param>
    /// <returns>The device to bind, or why not.</returns>
    public PushEnrollmentResult Verify(string enrollToken, PushEnrollmentState state, int enrolledDeviceCount)
    {
        ArgumentNullException.ThrowIfNull(enrollToken);
        ArgumentNullException.ThrowIfNull(state);
        var now = _time.GetUtcNow();

        // Step 1: size, three base64url parts, alg, typ, a P-256 public jwk without d.
        var read = JwsReader.TryRead(enrollToken, TokenType, keyInHeader: true, out var jws);
        if (jws is null)
        {
            return PushEnrollmentResult.Failure(read);
        }

        if (!jws.Header.TryGetObject("jwk", out var jwk) || !PushPublicKey.TryFromJwk(jwk.Root, out var possessionKey))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.InvalidKey);
        }

        // Step 2: proof of possession of the new key, over the signing input as received.
        if (jws.Signature.Length != Es256.SignatureSize)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.MalformedSignature);
        }

        using (var verifier = possessionKey.CreateECDsa())
        {
            if (!jws.VerifySignature(verifier))
            {
                return PushEnrollmentResult.Failure(PushProtocolError.InvalidSignature);
            }
        }

        // Step 3: strict payload, version, audience.
        if (!jws.TryParsePayload(out var claims))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.Malformed);
        }

        if (!claims.IsVersion1() || !claims.TryGetString("aud", out var aud) || aud != _options.VerifierId)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.ClaimMismatch);
        }

        // Step 4: the enrollment is this one, still valid, and the one-time token matches (constant time).
        if (!claims.TryGetString("eid", out var eid) || eid != state.EnrollmentId || !claims.TryGetString("t", out var token))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.EnrollmentInvalid);
        }

        if (now > state.ExpiresAt)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.EnrollmentInvalid, MfaFailureReason.Expired);
        }

        if (!Base64UrlStrict.TryDecode(state.TokenHash, out var storedHash)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.ASCII.GetBytes(token)), storedHash))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.EnrollmentInvalid);
        }

        // Step 5: device time window and a token id.
        if (!TokenTimes.TryRead(claims, out var iat, out var exp) || !claims.TryGetString("jti", out var jti) || jti.Length > 128)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.Malformed);
        }

        if (!TokenTimes.IsFresh(iat, exp, now, _options.ClockSkew, MaxTokenLifetime) || exp < now.ToUnixTimeSeconds())
        {
            return PushEnrollmentResult.Failure(PushProtocolError.StaleResponse);
        }

        // Step 6: an optional UV key, valid and different from the possession key.
        PushPublicKey? uvKey = null;
        if (claims.Has("uvJwk"))
        {
            if (!claims.TryGetObject("uvJwk", out var uvJwk) || !PushPublicKey.TryFromJwk(uvJwk.Root, out uvKey) || uvKey.Equals(possessionKey))
            {
                return PushEnrollmentResult.Failure(PushProtocolError.InvalidKey);
            }
        }
        else if (_options.RequireUvKey)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.InvalidKey, MfaFailureReason.PolicyViolation);
        }

        // Step 7: a well-formed push address; device metadata for display.
        if (!claims.TryGetObject("push", out var push) || !PushAddressParser.TryParse(push, _options.AllowInProcessAddresses, out var address))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.InvalidPushAddress);
        }

        if (!claims.TryGetObject("dev", out var dev) || !dev.TryGetString("platform", out var platform) || platform is not ("android" or "ios" or "web")
            || !dev.TryGetOptionalString("name", out var name) || !dev.TryGetOptionalString("app", out var app) || !dev.TryGetOptionalString("os", out var os))
        {
            return PushEnrollmentResult.Failure(PushProtocolError.Malformed);
        }

        // Step 8: the per-user device limit.
        if (enrolledDeviceCount >= _options.MaxDevicesPerUser)
        {
            return PushEnrollmentResult.Failure(PushProtocolError.DeviceLimit);
        }

        // Step 9 (the caller's atomic consume) binds this credential.
        var credential = new PushDeviceCredential
        {
            CredentialId = RandomId(16),
            UserHandle = state.UserHandle,
            PossessionKey = possessionKey,
            UvKey = uvKey,
            Address = address,
            DisplayName = TextRules.Label(name ?? string.Empty, MaxLabelLength),
            Platform = platform,
            AppVersion = app is null ? null : TextRules.Label(app, MaxLabelLength),
            OsVersion = os is null ? null : TextRules.Label(os, MaxLabelLength),
            CreatedAt = now,
            Status = PushDeviceStatus.Active,
        };
        return PushEnrollmentResult.Success(credential, BuildResponseJson(credential), jti, DateTimeOffset.FromUnixTimeSeconds(exp) + _options.ClockSkew);
    }

    internal static string HashToken(string token) => Base64UrlStrict.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    internal static string RandomId(int octets) => Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(octets));

    /// <summary>Push spec §3.4 step 10: the <c>201</c> body, members in the spec's order.</summary>
    private string BuildResponseJson(PushDeviceCredential credential) => JwsWriter.JsonString(w =>
    {
        w.WriteString("credentialId", credential.CredentialId);
        w.WriteString("userHandle", credential.UserHandle);
        w.WriteStartObject("keys");
        w.WriteStartObject("possession");
        w.WriteString("kid", credential.CredentialId);
        w.WriteString("jkt", credential.PossessionKey.Thumbprint);
        w.WriteEndObject();
        if (credential.UvKey is not null)
        {
            w.WriteStartObject("uv");
            w.WriteString("kid", credential.UvKeyId);
            w.WriteString("jkt", credential.UvKey.Thumbprint);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("serverKey");
        w.WriteString("kid", _options.ChallengeSigningKeyId);
        w.WritePropertyName("jwk");
        PushPublicKey.FromECDsa(_options.SigningKey).WriteJwk(w);
        w.WriteEndObject();
        w.WriteStartObject("endpoints");
        w.WriteString("challenges", _options.ChallengesEndpoint);
        w.WriteString("pushAddress", _options.PushAddressEndpoint);
        w.WriteEndObject();
        w.WriteStartObject("policy");
        w.WriteString("numberMatching", PushWireNames.Of(_options.NumberMatching));
        w.WriteNumber("numberLength", _options.NumberLength);
        w.WriteString("uv", PushWireNames.Of(credential.UvKey is null ? PushUserVerification.Discouraged : _options.UserVerification));
        w.WriteEndObject();
    });
}
