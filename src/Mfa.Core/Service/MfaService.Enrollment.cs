using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;

namespace Mfa.Core.Service;

/// <summary>Enrollment: begin stores the factor's state; complete verifies, then consumes it once and stores the record.</summary>
internal sealed partial class MfaService
{
    /// <summary>
    /// The binding purpose of a pending enrollment. No <see cref="MfaPurpose.Value"/> equals it, so a pending enrollment can
    /// never be completed as a challenge (not even one for <see cref="MfaPurpose.Enrollment"/>), nor a challenge as an enrollment:
    /// the two ceremonies' states never reach each other's verifier.
    /// </summary>
    internal const string EnrollmentCeremonyPurpose = "enrollment-ceremony";

    public async Task<MfaEnrollmentStart> BeginEnrollmentAsync(MfaUser user, EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetAllowedFactor(request.Kind, out var factor))
        {
            return MfaEnrollmentStart.Failure(MfaFailureReason.FactorNotAllowed);
        }

        var existing = (await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false)).Where(r => r.Kind == request.Kind).ToList();
        var begun = await factor.BeginEnrollmentAsync(user, request, existing, cancellationToken).ConfigureAwait(false);
        if (!begun.Succeeded)
        {
            return MfaEnrollmentStart.Failure(begun.FailureReason, begun.Message);
        }

        var now = _time.GetUtcNow();
        await _userSettings.GetOrCreateAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        var pending = new PendingChallenge
        {
            Id = Base64Url.NewRandom(PendingIdBytes),
            Binding = new ChallengeBinding(user.Id, request.Kind, AuthenticatorId: null, EnrollmentCeremonyPurpose),
            CreatedAt = now,
            ExpiresAt = now + Options.EnrollmentLifetime,
            State = begun.State,
        };
        await _challenges.CreateAsync(pending, cancellationToken).ConfigureAwait(false);
        MfaLog.EnrollmentBegun(_logger, pending.Id, request.Kind, user.Id);
        return MfaEnrollmentStart.Success(pending.Id, pending.ExpiresAt, begun);
    }

    public async Task<MfaOperationResult> CompleteEnrollmentAsync(MfaUser user, string enrollmentId, EnrollmentResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(enrollmentId);
        ArgumentNullException.ThrowIfNull(response);
        var kind = response.Kind;
        if (!TryGetAllowedFactor(kind, out var factor))
        {
            return MfaOperationResult.Failure(MfaFailureReason.FactorNotAllowed);
        }

        var lockout = await _lockout.TryAdmitAttemptAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return await LockedOutAsync(user.Id, kind, lockout, retry => MfaOperationResult.Failure(MfaFailureReason.LockedOut, retryAfter: retry)).ConfigureAwait(false);
        }

        if (!Base64Url.IsRandomIdShape(enrollmentId, PendingIdBytes))
        {
            return EnrollmentFailed(user.Id, kind, MalformedIdForLogs, MfaFailureReason.ChallengeNotFound, message: null);
        }

        var binding = new ChallengeBinding(user.Id, kind, AuthenticatorId: null, EnrollmentCeremonyPurpose);
        var pending = await _challenges.FindAsync(enrollmentId, cancellationToken).ConfigureAwait(false);
        if (pending is null || pending.Binding != binding || pending.Consumed || pending.ExpiresAt <= _time.GetUtcNow())
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, Diagnose(pending, binding), message: null);
        }

        // Verify first so that a mistyped first code can be retried; then consume atomically so only one completion stores a record.
        var completed = await factor.CompleteEnrollmentAsync(user, pending.State, response, cancellationToken).ConfigureAwait(false);
        if (!completed.Succeeded)
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, completed.FailureReason, completed.Message);
        }

        if (completed.Authenticator.UserId != user.Id || completed.Authenticator.Kind != kind)
        {
            throw new InvalidOperationException($"Factor '{kind}' returned an authenticator for another user or kind.");
        }

        if (await _challenges.TryConsumeAsync(enrollmentId, binding, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is null)
        {
            var again = await _challenges.FindAsync(enrollmentId, cancellationToken).ConfigureAwait(false);
            return EnrollmentFailed(user.Id, kind, enrollmentId, Diagnose(again, binding), message: null);
        }

        var stored = await _authenticators.TryCreateAsync(completed.Authenticator, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, MfaFailureReason.AlreadyEnrolled, message: null);
        }

        if (completed.OnStored is { } onStored)
        {
            await onStored(stored, cancellationToken).ConfigureAwait(false);
        }

        await _lockout.RecordSuccessAsync(user.Id, authenticatorId: null, cancellationToken).ConfigureAwait(false);
        MfaLog.EnrollmentSucceeded(_logger, user.Id, kind, stored.Id);
        return MfaOperationResult.Success(AuthenticatorInfo.From(stored));
    }

    /// <summary>Logs a failed enrollment; the attempt was already counted against the user when it was admitted.</summary>
    private MfaOperationResult EnrollmentFailed(string userId, string kind, string enrollmentId, MfaFailureReason reason, string? message)
    {
        MfaLog.EnrollmentFailed(_logger, enrollmentId, kind, userId, reason);
        return MfaOperationResult.Failure(reason, message);
    }
}
