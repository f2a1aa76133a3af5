using System.Text.Json;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Push.Challenges;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Factor;

/// <summary>
/// The device-side fetch of push spec §4.6 for the web layer to expose: <c>GET {challenges}/{cid}</c> with the
/// <c>MfaPush-Proof</c> header (§4.8) answers the challenge token sent to that device while it is pending, so a lost
/// notification does not block the user. Not yet: the proof's <c>jti</c> is not recorded (Core has no token-id replay
/// cache), and the pull of every pending challenge (§4.7) needs a store query by credential.
/// </summary>
public sealed class PushDeviceEndpoints
{
    private static readonly PushDeviceReply s_unauthorized = new(401, null);
    private static readonly PushDeviceReply s_notFound = new(404, "{\"error\":\"unknown_challenge\"}");
    private readonly IOptions<PushOptions> _options;
    private readonly TimeProvider _time;
    private readonly IAuthenticatorStore _authenticators;
    private readonly IChallengeStore _challenges;

    /// <summary>Creates the endpoints over the MFA service's stores.</summary>
    /// <param name="options">The push options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="authenticators">The authenticator store (devices by credential id).</param>
    /// <param name="challenges">The challenge store (challenges by id).</param>
    public PushDeviceEndpoints(IOptions<PushOptions> options, TimeProvider time, IAuthenticatorStore authenticators, IChallengeStore challenges)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(authenticators);
        ArgumentNullException.ThrowIfNull(challenges);
        _options = options;
        _time = time;
        _authenticators = authenticators;
        _challenges = challenges;
    }

    /// <summary>Answers <c>GET {challenges}/{cid}</c>: 200 with <c>{"challenge":…}</c>, 401 (bad proof, no body) or 404.</summary>
    /// <param name="proof">The <c>MfaPush-Proof</c> header as received.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's absolute URI (the proof is bound to it).</param>
    /// <param name="challengeId">The <c>cid</c> from the path.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The reply for the phone.</returns>
    public async Task<PushDeviceReply> FetchChallengeAsync(string? proof, string method, Uri requestUri, string challengeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(challengeId);
        if (!PushRequestProofVerifier.TryReadCredentialId(proof, out var credentialId))
        {
            return s_unauthorized;
        }

        var record = await _authenticators.FindByCredentialIdAsync(FactorKinds.Push, credentialId, cancellationToken).ConfigureAwait(false);
        var device = record is null ? null : ReadDevice(record.Data);
        if (record is null || device is null || !new PushRequestProofVerifier(_options.Value, _time).Verify(proof!, method, requestUri, device).Succeeded)
        {
            return s_unauthorized;
        }

        var pending = PushChallengeIssuer.IsChallengeId(challengeId) ? await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false) : null;
        // An answered or consumed challenge is no longer pending for any device.
        if (pending is null || pending.Binding.FactorKind != FactorKinds.Push || pending.Binding.UserId != record.UserId || pending.Consumed || pending.Answer is not null)
        {
            return s_notFound;
        }

        var state = ReadState(pending.State);
        var token = state is null ? null : PushDeviceApi.PendingToken(state, answer: null, device.CredentialId, _time.GetUtcNow());
        return token is null ? s_notFound : new PushDeviceReply(200, PushDeviceApi.ChallengeJson(token));
    }

    private static PushDeviceCredential? ReadDevice(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PushJsonContext.Default.PushDeviceCredential);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PushChallengeState? ReadState(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return bytes.IsEmpty ? null : JsonSerializer.Deserialize(bytes.Span, PushJsonContext.Default.PushChallengeState);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
