using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Mfa.Core;
using Mfa.Push.Jose;
using Mfa.Push.Transports;

namespace Mfa.Push.Challenges;

/// <summary>
/// Creates push challenges (push spec §4): a random nonce, the display number, and one server-signed challenge token per
/// device. Pure: anti-fatigue (<see cref="AntiFatigue.PushFatiguePolicy"/>) is checked before, the state is kept by the caller.
/// </summary>
public sealed class PushChallengeIssuer
{
    /// <summary>The <c>typ</c> of a challenge token.</summary>
    internal const string TokenType = "mfa-push-chal+jwt";

    private const int MaxContextLength = 200;
    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the issuer.</summary>
    /// <param name="options">Validated push options.</param>
    /// <param name="time">The clock.</param>
    public PushChallengeIssuer(PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Creates a challenge for the user's active devices.</summary>
    /// <param name="challengeId">The challenge id minted by the MFA service (unguessable, URL-safe); a new random one when <see langword="null"/>.</param>
    /// <param name="devices">The user's push devices; revoked and suspended ones are skipped.</param>
    /// <param name="context">What the phone shows.</param>
    /// <returns>The challenge, or <see cref="MfaFailureReason.NotEnrolled"/> when the user has no active device.</returns>
    public PushChallengeResult Create(string? challengeId, IReadOnlyCollection<PushDeviceCredential> devices, PushContext context)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(context);
        if (challengeId is not null && !IsChallengeId(challengeId))
        {
            throw new ArgumentException("A challenge id is 16 to 128 base64url characters.", nameof(challengeId));
        }

        var active = devices.Where(d => d.Status == PushDeviceStatus.Active).ToList();
        if (active.Count == 0)
        {
            return PushChallengeResult.Failure(MfaFailureReason.NotEnrolled);
        }

        var mode = _options.NumberMatching switch
        {
            PushNumberMatching.Risk => context.HighRisk ? PushNumberMatching.Enter : PushNumberMatching.Off,
            var configured => configured,
        };
        var number = mode == PushNumberMatching.Off ? null : DisplayNumbers.Next(_options.NumberLength);
        var options = mode == PushNumberMatching.Choose && number is not null ? DisplayNumbers.Options(number, _options.NumberLength, _options.ChoiceCount) : null;
        var now = _time.GetUtcNow();
        var state = Issue(
            challengeId ?? Enrollment.PushEnrollment.RandomId(16),
            Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(32)),
            mode,
            number,
            options,
            active,
            context,
            DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        var ttl = state.ExpiresAt - now;
        var notifications = new List<PushNotification>();
        foreach (var device in active)
        {
            if (device.CanReceivePush && device.Address is { } address)
            {
                notifications.Add(new PushNotification(device.CredentialId, address.ToTransportAddress(), new PushMessage(state.ChallengeId, device.CredentialId, ttl)));
            }
        }

        return PushChallengeResult.Success(state, notifications);
    }

    /// <summary>The <c>chal</c> of an answer: base64url(SHA-256(ASCII bytes of the challenge token as issued)) (push spec §5.2).</summary>
    /// <param name="challengeToken">The challenge JWS.</param>
    /// <returns>The hash, base64url.</returns>
    public static string ChallengeHash(string challengeToken)
    {
        ArgumentNullException.ThrowIfNull(challengeToken);
        return Base64UrlStrict.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(challengeToken)));
    }

    internal static bool IsChallengeId(string value) =>
        value.Length is >= 16 and <= 128 && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Signs one token per device; <paramref name="issuedAt"/> is whole seconds.</summary>
    internal PushChallengeState Issue(
        string challengeId,
        string nonce,
        PushNumberMatching mode,
        string? number,
        IReadOnlyList<string>? choices,
        IReadOnlyList<PushDeviceCredential> devices,
        PushContext context,
        DateTimeOffset issuedAt)
    {
        var expiresAt = issuedAt + _options.AnswerWindow;
        var targets = devices.Select(device =>
        {
            var uv = device.UvKey is null ? PushUserVerification.Discouraged : _options.UserVerification;
            var token = JwsWriter.Sign(
                _options.SigningKey,
                w =>
                {
                    w.WriteString("alg", Es256.Algorithm);
                    w.WriteString("typ", TokenType);
                    w.WriteString("kid", _options.ChallengeSigningKeyId);
                },
                w => WritePayload(w, challengeId, nonce, device, issuedAt, expiresAt, context, mode, choices, uv));
            return new PushChallengeTarget { CredentialId = device.CredentialId, UserHandle = device.UserHandle, Token = token, UserVerification = uv };
        }).ToList();
        return new PushChallengeState
        {
            ChallengeId = challengeId,
            Nonce = nonce,
            NumberMatching = mode,
            DisplayNumber = number,
            Transaction = context.Transaction,
            Targets = targets,
            CreatedAt = issuedAt,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>Push spec §4.5: the payload members in the spec's order.</summary>
    internal void WritePayload(
        Utf8JsonWriter w,
        string challengeId,
        string nonce,
        PushDeviceCredential device,
        DateTimeOffset issuedAt,
        DateTimeOffset expiresAt,
        PushContext context,
        PushNumberMatching mode,
        IReadOnlyList<string>? choices,
        PushUserVerification uv)
    {
        w.WriteNumber("v", 1);
        w.WriteString("iss", _options.VerifierId);
        w.WriteString("aud", device.CredentialId);
        w.WriteString("sub", device.UserHandle);
        w.WriteString("cid", challengeId);
        w.WriteString("nonce", nonce);
        w.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
        w.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
        w.WriteString("tx", PushWireNames.Of(context.Transaction));
        w.WriteStartObject("ctx");
        WriteText(w, "app", context.Application);
        WriteText(w, "ip", context.IpAddress);
        if (context.Location is { } geo)
        {
            w.WriteStartObject("geo");
            WriteText(w, "city", geo.City);
            WriteText(w, "region", geo.Region);
            WriteText(w, "country", geo.Country);
            w.WriteBoolean("approx", true);
            w.WriteEndObject();
        }

        w.WriteString("time", issuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteText(w, "ua", context.UserAgent);
        WriteText(w, "acct", context.AccountLabel);
        w.WriteEndObject();
        w.WriteStartObject("nm");
        w.WriteString("mode", PushWireNames.Of(mode));
        if (mode == PushNumberMatching.Enter)
        {
            // Push spec §4.4: in enter mode the number never travels to the device, only its length.
            w.WriteNumber("len", _options.NumberLength);
        }
        else if (mode == PushNumberMatching.Choose && choices is not null)
        {
            w.WriteStartArray("options");
            foreach (var choice in choices)
            {
                w.WriteStringValue(choice);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteString("uv", PushWireNames.Of(uv));
    }

    private static void WriteText(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null && TextRules.Label(value, MaxContextLength) is { Length: > 0 } text)
        {
            w.WriteString(name, text);
        }
    }
}
