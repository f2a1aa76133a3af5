using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Storage;
using Mfa.Push.Challenges;
using Mfa.Push.Enrollment;
using Mfa.Push.Replay;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Factor;

/// <summary>
/// The device-side calls of push spec §3.5 and §4.6–§4.8, for the web layer to expose (endpoint-free: it maps HTTP to
/// these methods and writes the reply): fetch one pending challenge (<c>GET {challenges}/{cid}</c>), pull every pending
/// challenge of the device (<c>GET {challenges}</c>), both authenticated by the <c>MfaPush-Proof</c> header (§4.8), and
/// update the push address or rotate the key (<c>POST {pushAddress}</c>, §3.5). Each token id (<c>jti</c>) is accepted
/// once (a store-backed replay cache, so app servers agree).
/// </summary>
public sealed class PushDeviceEndpoints
{
    /// <summary>The most challenges one pull returns (a user has at most a few pending: push spec §8).</summary>
    internal const int MaxPulled = 20;

    private static readonly PushDeviceReply s_unauthorized = new(401, null);
    private static readonly PushDeviceReply s_notFound = new(404, "{\"error\":\"unknown_challenge\"}");
    private readonly IOptions<PushOptions> _options;
    private readonly TimeProvider _time;
    private readonly IAuthenticatorStore _authenticators;
    private readonly IChallengeStore _challenges;
    private readonly PushTokenReplayCache _replay;
    private readonly ILogger _logger;

    /// <summary>Creates the endpoints over the MFA service's stores.</summary>
    /// <param name="options">The push options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="authenticators">The authenticator store (devices by credential id).</param>
    /// <param name="challenges">The challenge store (challenges by id, pending challenges by user).</param>
    /// <param name="counters">The attempt counters that keep the token-id replay cache.</param>
    /// <param name="logger">The logger, if any.</param>
    public PushDeviceEndpoints(IOptions<PushOptions> options, TimeProvider time, IAuthenticatorStore authenticators, IChallengeStore challenges, IAttemptCounterStore counters, ILogger<PushDeviceEndpoints>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(authenticators);
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(counters);
        _options = options;
        _time = time;
        _authenticators = authenticators;
        _challenges = challenges;
        _replay = new PushTokenReplayCache(counters);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Answers <c>GET {challenges}/{cid}</c>: 200 with <c>{"challenge":…}</c>, 401 (bad or replayed proof, no body) or 404.</summary>
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
        if (await AuthenticateAsync(proof, method, requestUri, cancellationToken).ConfigureAwait(false) is not { } caller)
        {
            return s_unauthorized;
        }

        var pending = PushChallengeIssuer.IsChallengeId(challengeId) ? await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false) : null;
        // An answered or consumed challenge is no longer pending for any device.
        if (pending is null || pending.Binding.FactorKind != FactorKinds.Push || pending.Binding.UserId != caller.Record.UserId || pending.Consumed || pending.Answer is not null)
        {
            return s_notFound;
        }

        var token = PendingToken(pending, caller.Device);
        return token is null ? s_notFound : new PushDeviceReply(200, PushDeviceApi.ChallengeJson(token));
    }

    /// <summary>
    /// Answers <c>GET {challenges}</c> (push spec §4.7): 200 with <c>{"challenges":[…]}</c>, the tokens of every challenge
    /// still waiting for this device (oldest first, empty when none), or 401 (bad or replayed proof, no body).
    /// </summary>
    /// <param name="proof">The <c>MfaPush-Proof</c> header as received.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's absolute URI (the proof is bound to it).</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The reply for the phone.</returns>
    public async Task<PushDeviceReply> PullPendingAsync(string? proof, string method, Uri requestUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (await AuthenticateAsync(proof, method, requestUri, cancellationToken).ConfigureAwait(false) is not { } caller)
        {
            return s_unauthorized;
        }

        var pending = await _challenges.FindPendingAsync(caller.Record.UserId, FactorKinds.Push, caller.Record.Id, _time.GetUtcNow(), MaxPulled, cancellationToken).ConfigureAwait(false);
        var tokens = pending.Select(p => PendingToken(p, caller.Device)).OfType<string>().ToList();
        return new PushDeviceReply(200, PushDeviceApi.ChallengesJson(tokens));
    }

    /// <summary>
    /// Answers <c>POST {pushAddress}</c> (push spec §3.5): a new push address, and optionally a new possession key, signed
    /// by the device's current key. 204 when stored (the address is marked working again); 400 with an error body when the
    /// update does not verify (401 for a bad signature, 403 for an unknown device), 409 when its token id was seen before or the
    /// record changed meanwhile (the phone signs a new update and retries).
    /// </summary>
    /// <param name="updateToken">The <c>update</c> JWS from the body.</param>
    /// <param name="newKeyProof">For a key rotation: the same payload signed by the new key, else <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the lookups and the write.</param>
    /// <returns>The reply for the phone.</returns>
    public async Task<PushDeviceReply> UpdatePushAddressAsync(string? updateToken, string? newKeyProof = null, CancellationToken cancellationToken = default)
    {
        if (updateToken is null || !PushAddressUpdateVerifier.TryReadCredentialId(updateToken, out var credentialId))
        {
            return Refused(PushProtocolError.Malformed);
        }

        var record = await _authenticators.FindByCredentialIdAsync(FactorKinds.Push, credentialId, cancellationToken).ConfigureAwait(false);
        if (record is null || ReadDevice(record.Data) is not { } device)
        {
            return Refused(PushProtocolError.UnknownCredential);
        }

        var verified = new PushAddressUpdateVerifier(_options.Value, _time).Verify(updateToken, device, newKeyProof);
        if (!verified.Succeeded)
        {
            PushFactorLog.AddressUpdateRefused(_logger, record.UserId, record.Id, verified.Error);
            return Refused(verified.Error);
        }

        var now = _time.GetUtcNow();
        if (!await _replay.TryRecordAsync(PushAddressUpdateVerifier.TokenType, credentialId, verified.Jti, now, verified.ReplayKeepUntil, cancellationToken).ConfigureAwait(false))
        {
            PushFactorLog.AddressUpdateRefused(_logger, record.UserId, record.Id, PushProtocolError.Replay);
            return Refused(PushProtocolError.Replay);
        }

        // Guarded by the record's concurrency token: a sign-in writing the record at the same time is never overwritten.
        var updated = record with { Data = JsonSerializer.Serialize(verified.Credential, PushJsonContext.Default.PushDeviceCredential) };
        if (await _authenticators.TryUpdateAsync(updated, cancellationToken).ConfigureAwait(false) is null)
        {
            return new PushDeviceReply(409, null);
        }

        PushFactorLog.AddressUpdated(_logger, record.UserId, record.Id, verified.Credential.Address?.Kind, verified.KeyRotated);
        return new PushDeviceReply(204, null);
    }

    private static PushDeviceReply Refused(PushProtocolError error) => new(error.ToHttpStatus(), PushDeviceApi.ErrorJson(error));

    /// <summary>Push spec §4.8: the proof names an enrolled device, verifies with its possession key, and is not a repeat.</summary>
    private async Task<(AuthenticatorRecord Record, PushDeviceCredential Device)?> AuthenticateAsync(string? proof, string method, Uri requestUri, CancellationToken cancellationToken)
    {
        if (!PushRequestProofVerifier.TryReadCredentialId(proof, out var credentialId))
        {
            return null;
        }

        var record = await _authenticators.FindByCredentialIdAsync(FactorKinds.Push, credentialId, cancellationToken).ConfigureAwait(false);
        var device = record is null ? null : ReadDevice(record.Data);
        if (record is null || device is null)
        {
            return null;
        }

        var verified = new PushRequestProofVerifier(_options.Value, _time).Verify(proof!, method, requestUri, device);
        if (!verified.Succeeded || verified.Jti is null)
        {
            return null;
        }

        if (!await _replay.TryRecordAsync(PushRequestProofVerifier.TokenType, device.CredentialId, verified.Jti, _time.GetUtcNow(), verified.ReplayKeepUntil, cancellationToken).ConfigureAwait(false))
        {
            PushFactorLog.ProofReplayed(_logger, record.UserId, record.Id);
            return null;
        }

        return (record, device);
    }

    private string? PendingToken(PendingChallenge pending, PushDeviceCredential device)
    {
        var state = ReadState(pending.State);
        return state is null || state.ChallengeId != pending.Id ? null : PushDeviceApi.PendingToken(state, answer: null, device.CredentialId, _time.GetUtcNow());
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
