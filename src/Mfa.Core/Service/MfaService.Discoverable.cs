using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;

namespace Mfa.Core.Service;

/// <summary>
/// Username-less challenges (passkey sign-in): begun without a user, identified from the response's credential, then
/// held to everything a challenge gets — the user's throttle and lockout, the authenticator's hard lock, policy, events.
/// </summary>
internal sealed partial class MfaService
{
    public Task<MfaChallengeStart<TPrompt>> BeginDiscoverableChallengeAsync<TPrompt>(ChallengeRequest<TPrompt> request, string? clientKey, CancellationToken cancellationToken = default)
        where TPrompt : ChallengePrompt =>
        GuardedAsync(userId: null, () => BeginDiscoverableChallengeCoreAsync(request, clientKey, cancellationToken), static reason => MfaChallengeStart<TPrompt>.Failure(reason));

    private async Task<MfaChallengeStart<TPrompt>> BeginDiscoverableChallengeCoreAsync<TPrompt>(ChallengeRequest<TPrompt> request, string? clientKey, CancellationToken cancellationToken)
        where TPrompt : ChallengePrompt
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.begin");
        activity?.SetTag("mfa.factor", request.Kind);
        activity?.SetTag("mfa.discoverable", true);
        if (!TryGetAllowedFactor(request.Kind, out var factor))
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.FactorNotAllowed);
        }

        if (factor is not IDiscoverableFactor discoverable)
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.WrongFactorFlow);
        }

        // No user is known: every begin writes a pending challenge, so anonymous clients are limited per client.
        var permit = await _clientLimiter.TryAcquireAsync(clientKey, cancellationToken).ConfigureAwait(false);
        if (!permit.Allowed)
        {
            MfaInstrumentation.Failed(request.Kind, MfaFailureReason.RateLimited);
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.RateLimited, retryAfter: permit.RetryAfter);
        }

        var now = _time.GetUtcNow();
        var id = Base64Url.NewRandom(PendingIdBytes);
        var expiresAt = now + Options.ChallengeLifetime;
        var begun = await discoverable.BeginDiscoverableChallengeAsync(new DiscoverableChallengeContext(id, request.Purpose, now, expiresAt), request, cancellationToken).ConfigureAwait(false);
        if (!begun.Succeeded)
        {
            return MfaChallengeStart<TPrompt>.Failure(begun.FailureReason, begun.Message);
        }

        if (begun.Prompt is not TPrompt prompt)
        {
            return MfaChallengeStart<TPrompt>.Failure(MfaFailureReason.MalformedInput, "The request does not fit this factor.");
        }

        await _challenges.CreateAsync(NewPending(id, DiscoverableBinding(request.Kind, request.Purpose), now, expiresAt, begun.State), cancellationToken).ConfigureAwait(false);
        MfaInstrumentation.Begun(request.Kind);
        MfaLog.ChallengeBegun(_logger, id, string.Empty, request.Kind, request.Purpose.Value);
        return MfaChallengeStart<TPrompt>.Success(id, expiresAt, prompt);
    }

    public Task<MfaVerificationResult> CompleteDiscoverableChallengeAsync(string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken = default) =>
        GuardedAsync(
            userId: null,
            () => CompleteDiscoverableChallengeCoreAsync(challengeId, purpose, response, cancellationToken),
            reason => MfaVerificationResult.Failure(string.Empty, response!.Kind, purpose, reason, challengeId: challengeId));

    private async Task<MfaVerificationResult> CompleteDiscoverableChallengeCoreAsync(string challengeId, MfaPurpose purpose, ChallengeResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(response);
        var kind = response.Kind;
        using var activity = MfaInstrumentation.ActivitySource.StartActivity("mfa.challenge.complete");
        activity?.SetTag("mfa.factor", kind);
        activity?.SetTag("mfa.discoverable", true);
        var anonymous = Failer(string.Empty, kind, purpose, challengeId, activity);

        MfaVerificationResult Unidentified(MfaFailureReason reason, string? message = null)
        {
            MfaInstrumentation.Failed(kind, reason);
            MfaLog.ChallengeFailed(_logger, Base64Url.IsRandomIdShape(challengeId, PendingIdBytes) ? challengeId : MalformedIdForLogs, string.Empty, kind, reason);
            return anonymous(reason, message, null);
        }

        if (!TryGetAllowedFactor(kind, out var factor))
        {
            return Unidentified(MfaFailureReason.FactorNotAllowed);
        }

        if (factor is not IDiscoverableFactor discoverable)
        {
            return Unidentified(MfaFailureReason.WrongFactorFlow);
        }

        if (!Base64Url.IsRandomIdShape(challengeId, PendingIdBytes))
        {
            return Unidentified(MfaFailureReason.ChallengeNotFound);
        }

        // Consumed by the first attempt, whatever its outcome.
        var binding = DiscoverableBinding(kind, purpose);
        var pending = await _challenges.FindAsync(challengeId, cancellationToken).ConfigureAwait(false);
        var consumed = pending is null ? null : await _challenges.TryConsumeAsync(challengeId, binding, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (consumed is null)
        {
            return Unidentified(await DiagnoseAfterRefusalAsync(challengeId, pending, binding, cancellationToken).ConfigureAwait(false));
        }

        var identified = discoverable.IdentifyCredential(consumed.State, response);
        if (!identified.Succeeded)
        {
            return Unidentified(identified.FailureReason, identified.Message);
        }

        var record = AuthenticatorNames.IsWellFormed(identified.CredentialId)
            ? await _authenticators.FindByCredentialIdAsync(kind, identified.CredentialId, cancellationToken).ConfigureAwait(false)
            : null;
        if (record is null)
        {
            return Unidentified(MfaFailureReason.UnknownAuthenticator);
        }

        // From here on the user is known, and the challenge is held to the same rules as one begun for that user.
        var user = new MfaUser(record.UserId, record.UserId);
        activity?.SetTag("mfa.user", user.Id);
        var fail = Failer(user.Id, kind, purpose, challengeId, activity);
        var lockout = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return LockedOut(user.Id, kind, lockout, retry => fail(MfaFailureReason.LockedOut, null, retry));
        }

        return await VerifyConsumedAsync(user, factor, consumed with { Binding = consumed.Binding with { UserId = user.Id, AuthenticatorId = record.Id } }, purpose, response, fail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a username-less challenge is bound to before its user is known (an empty user id no user has).</summary>
    private static ChallengeBinding DiscoverableBinding(string kind, MfaPurpose purpose) => new(string.Empty, kind, AuthenticatorId: null, purpose.Value);
}
