using System.Security.Cryptography;
using System.Text;
using Mfa.Push.Challenges;
using Mfa.Push.Jose;

namespace Mfa.Push.Responses;

/// <summary>
/// Verifies a device's signed answer against a challenge (push spec §6 steps 1–11, in order). Pure: the caller loads the
/// challenge and the user's devices, then records the returned <see cref="PushAnswer"/> with one atomic compare-and-set
/// (step 12) and the token id in its replay cache.
/// </summary>
public sealed class PushResponseVerifier
{
    /// <summary>The <c>typ</c> of a response token.</summary>
    internal const string TokenType = "mfa-push-resp+jwt";

    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    /// <param name="options">Validated push options.</param>
    /// <param name="time">The clock (the verifier clock is authoritative for expiry).</param>
    public PushResponseVerifier(PushOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Verifies <paramref name="responseToken"/> for <paramref name="challenge"/>.</summary>
    /// <param name="responseToken">The <c>response</c> JWS exactly as received.</param>
    /// <param name="challenge">The challenge the request's path names (the caller answers <c>404 unknown_challenge</c> when there is none).</param>
    /// <param name="devices">The devices of the challenge's user (step 4 resolves the key id among them).</param>
    /// <param name="recordedAnswer">The answer already recorded on the challenge, if any (step 9: an identical re-send is idempotent, any other gets <c>already_answered</c>).</param>
    /// <returns>The verified answer, or why not.</returns>
    public PushResponseResult Verify(string responseToken, PushChallengeState challenge, IReadOnlyCollection<PushDeviceCredential> devices, PushAnswer? recordedAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(responseToken);
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(devices);
        var now = _time.GetUtcNow();

        // Steps 1–2: size, parts, strict base64url; alg ES256, typ, kid, no key-carrying members.
        var read = JwsReader.TryRead(responseToken, TokenType, keyInHeader: false, out var jws);
        if (jws?.KeyId is not { } kid)
        {
            return PushResponseResult.Failure(read == PushProtocolError.None ? PushProtocolError.Malformed : read);
        }

        // Step 4: the key id names an active device of the challenge's user that the challenge was sent to.
        var (credentialId, isUvKey) = PushKeyIds.Split(kid);
        var target = challenge.FindTarget(credentialId);
        var device = devices.FirstOrDefault(d => d.CredentialId == credentialId);
        var key = isUvKey ? device?.UvKey : device?.PossessionKey;
        if (target is null || device is null || key is null || device.Status != PushDeviceStatus.Active || device.UserHandle != target.UserHandle)
        {
            return PushResponseResult.Failure(PushProtocolError.UnknownCredential);
        }

        // Step 5: exactly 64 octets, verified over the signing input as received. A bad signature never changes the challenge.
        if (jws.Signature.Length != Es256.SignatureSize)
        {
            return PushResponseResult.Failure(PushProtocolError.MalformedSignature);
        }

        using (var verifier = key.CreateECDsa())
        {
            if (!jws.VerifySignature(verifier))
            {
                return PushResponseResult.Failure(PushProtocolError.InvalidSignature);
            }
        }

        // Step 6: strict payload and the claims that bind it to this device, verifier, user and challenge.
        if (!jws.TryParsePayload(out var claims))
        {
            return PushResponseResult.Failure(PushProtocolError.Malformed);
        }

        if (!claims.IsVersion1()
            || !claims.TryGetString("iss", out var iss) || iss != credentialId
            || !claims.TryGetString("aud", out var aud) || aud != _options.VerifierId
            || !claims.TryGetString("sub", out var sub) || sub != target.UserHandle
            || !claims.TryGetString("cid", out var cid) || cid != challenge.ChallengeId)
        {
            return PushResponseResult.Failure(PushProtocolError.ClaimMismatch);
        }

        // Step 7: the nonce, and the hash of exactly the token this device was shown (constant time).
        if (!claims.TryGetString("nonce", out var nonce) || !FixedTimeEquals(nonce, challenge.Nonce))
        {
            return PushResponseResult.Failure(PushProtocolError.NonceMismatch);
        }

        if (!claims.TryGetString("chal", out var chal) || !FixedTimeEquals(chal, PushChallengeIssuer.ChallengeHash(target.Token)))
        {
            return PushResponseResult.Failure(PushProtocolError.ChallengeHashMismatch);
        }

        if (!TryReadAnswer(claims, out var action, out var number, out var reason) || !claims.TryGetString("jti", out var jti) || jti.Length > 128
            || !TokenTimes.TryRead(claims, out var iat, out var exp))
        {
            return PushResponseResult.Failure(PushProtocolError.Malformed);
        }

        // Step 8: device clock within the skew.
        if (!TokenTimes.IsFresh(iat, exp, now, _options.ClockSkew, Enrollment.PushEnrollment.MaxTokenLifetime))
        {
            return PushResponseResult.Failure(PushProtocolError.StaleResponse);
        }

        // Step 9: an identical re-send after a lost reply gets the stored outcome and changes nothing.
        if (recordedAnswer is not null)
        {
            return FixedTimeEquals(jti, recordedAnswer.Jti) && recordedAnswer.ChallengeId == challenge.ChallengeId
                ? PushResponseResult.Accepted(recordedAnswer, repeat: true)
                : PushResponseResult.Failure(PushProtocolError.AlreadyAnswered);
        }

        // Step 10: the verifier clock decides expiry.
        if (now > challenge.ExpiresAt)
        {
            return PushResponseResult.Failure(PushProtocolError.ChallengeExpired, PushChallengeStatus.Expired);
        }

        var answer = new PushAnswer
        {
            ChallengeId = challenge.ChallengeId,
            CredentialId = credentialId,
            KeyId = kid,
            Action = action,
            Status = StatusOf(action, reason),
            Reason = action == PushAnswerAction.Report ? PushDenyReason.NotMe : reason,
            UserVerified = isUvKey,
            Jti = jti,
            AnsweredAt = now,
            FinalizeBy = now + _options.FinalizeWindow,
            ReplayKeepUntil = DateTimeOffset.FromUnixTimeSeconds(exp) + _options.ClockSkew,
        };

        // Step 11: an approval needs the UV key when the policy says so (no state change), and the right number (else the challenge ends).
        if (action == PushAnswerAction.Approve)
        {
            if (target.UserVerification == PushUserVerification.Required && !isUvKey)
            {
                return PushResponseResult.Failure(PushProtocolError.UvRequired);
            }

            if (challenge.NumberMatching is PushNumberMatching.Enter or PushNumberMatching.Choose
                && (number is null || challenge.DisplayNumber is null || !FixedTimeEquals(number, challenge.DisplayNumber)))
            {
                return PushResponseResult.NumberMismatch(answer with { Status = PushChallengeStatus.FailedNumber });
            }
        }

        return PushResponseResult.Accepted(answer, repeat: false);
    }

    private PushChallengeStatus StatusOf(PushAnswerAction action, PushDenyReason reason) => action switch
    {
        PushAnswerAction.Approve => PushChallengeStatus.Approved,
        PushAnswerAction.Deny when _options.DenyMeansReport && reason is PushDenyReason.NotMe or PushDenyReason.Other => PushChallengeStatus.FraudReported,
        PushAnswerAction.Deny => PushChallengeStatus.Denied,
        _ => PushChallengeStatus.FraudReported,
    };

    private static bool TryReadAnswer(Claims claims, out PushAnswerAction action, out string? number, out PushDenyReason reason)
    {
        action = default;
        reason = PushDenyReason.None;
        if (!claims.TryGetOptionalString("num", out number) || !claims.TryGetOptionalString("rsn", out var rsn) || !claims.TryGetString("act", out var act))
        {
            return false;
        }

        switch (act)
        {
            case "approve":
                action = PushAnswerAction.Approve;
                break;
            case "deny":
                action = PushAnswerAction.Deny;
                break;
            case "report":
                action = PushAnswerAction.Report;
                break;
            default:
                return false;
        }

        switch (rsn)
        {
            case null:
                return true;
            case "cancelled":
                reason = PushDenyReason.Cancelled;
                return true;
            case "not_me":
                reason = PushDenyReason.NotMe;
                return true;
            case "other":
                reason = PushDenyReason.Other;
                return true;
            default:
                return false;
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
