using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;
using Mfa.Core.Storage;

namespace Mfa.Core.Service;

/// <summary>
/// Enrollment: begin validates the name and stores the factor's state; complete verifies, then consumes the enrollment,
/// stores the record and its replay-guard step as one unit (<see cref="IEnrollmentStore"/>). Completing it again after a
/// fault returns the stored record.
/// </summary>
internal sealed partial class MfaService
{
    /// <summary>
    /// The binding purpose of a pending enrollment. No <see cref="MfaPurpose.Value"/> equals it, so a pending enrollment can
    /// never be completed as a challenge (not even one for <see cref="MfaPurpose.Enrollment"/>), nor a challenge as an enrollment:
    /// the two ceremonies' states never reach each other's verifier.
    /// </summary>
    internal const string EnrollmentCeremonyPurpose = "enrollment-ceremony";

    public Task<MfaEnrollmentStart<TPrompt>> BeginEnrollmentAsync<TPrompt>(MfaUser user, EnrollmentRequest<TPrompt> request, CancellationToken cancellationToken = default)
        where TPrompt : EnrollmentPrompt =>
        GuardedAsync(user?.Id, () => BeginEnrollmentCoreAsync(user!, request, cancellationToken), static reason => MfaEnrollmentStart<TPrompt>.Failure(reason));

    private async Task<MfaEnrollmentStart<TPrompt>> BeginEnrollmentCoreAsync<TPrompt>(MfaUser user, EnrollmentRequest<TPrompt> request, CancellationToken cancellationToken)
        where TPrompt : EnrollmentPrompt
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetAllowedFactor(request.Kind, out var factor))
        {
            return MfaEnrollmentStart<TPrompt>.Failure(MfaFailureReason.FactorNotAllowed);
        }

        // One name rule for every factor, checked before anything is stored.
        string? name = null;
        if (request.Name is not null && !AuthenticatorNames.TryNormalize(request.Name, out name))
        {
            return MfaEnrollmentStart<TPrompt>.Failure(MfaFailureReason.MalformedInput, AuthenticatorNames.Rule);
        }

        var lockout = await _lockout.CheckUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (lockout.IsLockedOut)
        {
            return LockedOut(user.Id, request.Kind, lockout, retry => MfaEnrollmentStart<TPrompt>.Failure(MfaFailureReason.LockedOut, retryAfter: retry));
        }

        var records = await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (!MayAddFactor(user, records, completing: null, "enroll"))
        {
            return MfaEnrollmentStart<TPrompt>.Failure(MfaFailureReason.ReauthenticationRequired);
        }

        var existing = records.Where(r => r.Kind == request.Kind).ToList();
        var now = _time.GetUtcNow();
        var id = Base64Url.NewRandom(PendingIdBytes);
        var expiresAt = now + Options.EnrollmentLifetime;
        var begun = await factor.BeginEnrollmentAsync(new EnrollmentContext(user, id, name, now, expiresAt, existing), request, cancellationToken).ConfigureAwait(false);
        if (!begun.Succeeded)
        {
            return MfaEnrollmentStart<TPrompt>.Failure(begun.FailureReason, begun.Message);
        }

        if (begun.Prompt is not TPrompt prompt)
        {
            return MfaEnrollmentStart<TPrompt>.Failure(MfaFailureReason.MalformedInput, "The request does not fit this factor.");
        }

        await _userSettings.GetOrCreateAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
        await _challenges.CreateAsync(NewPending(id, EnrollmentBinding(user.Id, request.Kind), now, expiresAt, begun.State), cancellationToken).ConfigureAwait(false);
        MfaLog.EnrollmentBegun(_logger, id, request.Kind, user.Id);
        return MfaEnrollmentStart<TPrompt>.Success(id, expiresAt, prompt);
    }

    public Task<MfaOperationResult> CompleteEnrollmentAsync(MfaUser user, string enrollmentId, EnrollmentResponse response, CancellationToken cancellationToken = default) =>
        GuardedAsync(user?.Id, () => CompleteEnrollmentCoreAsync(user!, enrollmentId, response, cancellationToken), static reason => MfaOperationResult.Failure(reason));

    private async Task<MfaOperationResult> CompleteEnrollmentCoreAsync(MfaUser user, string enrollmentId, EnrollmentResponse response, CancellationToken cancellationToken)
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
            return LockedOut(user.Id, kind, lockout, retry => MfaOperationResult.Failure(MfaFailureReason.LockedOut, retryAfter: retry));
        }

        if (!Base64Url.IsRandomIdShape(enrollmentId, PendingIdBytes))
        {
            return EnrollmentFailed(user.Id, kind, MalformedIdForLogs, MfaFailureReason.ChallengeNotFound, message: null);
        }

        var binding = EnrollmentBinding(user.Id, kind);
        var pending = await _challenges.FindAsync(enrollmentId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        // A consumed enrollment is still verified: if this very response stored its record before (a fault hid the
        // success from the caller), completing it again returns that record.
        var state = pending?.StateAt(now);
        if (pending is null || pending.Binding != binding || state is not (PendingChallengeState.Begun or PendingChallengeState.Consumed))
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, Diagnose(pending, binding), message: null);
        }

        // Verify first so that a mistyped first code can be retried; the record is stored before the enrollment is
        // consumed, so a fault in between leaves the enrollment usable and a retry returns the stored record.
        var records = await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var existing = records.Where(r => r.Kind == kind).ToList();
        var context = new EnrollmentContext(user, enrollmentId, Name: null, now, pending.ExpiresAt, existing);
        var completed = await factor.CompleteEnrollmentAsync(context, pending.State, response, cancellationToken).ConfigureAwait(false);
        if (!completed.Succeeded)
        {
            if (completed.ConsumesEnrollment)
            {
                // The factor declared the attempt final (a registration that failed verification): spent, like a challenge.
                await _challenges.TryConsumeAsync(enrollmentId, binding, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            return EnrollmentFailed(user.Id, kind, enrollmentId, completed.FailureReason, completed.Message);
        }

        var record = completed.Authenticator;
        if (record.UserId != user.Id || record.Kind != kind)
        {
            throw new InvalidOperationException($"Factor '{kind}' returned an authenticator for another user or kind.");
        }

        // Checked again at completion: another authenticator may have been added since the begin. The record a retry
        // already stored does not count.
        if (!MayAddFactor(user, records, completing: record.Id, "enroll"))
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, MfaFailureReason.ReauthenticationRequired, message: null);
        }

        if (!AuthenticatorNames.TryNormalize(record.Name, out var name) || !AuthenticatorNames.IsWellFormed(record.Id)
            || (record.CredentialId is { } credentialId && !AuthenticatorNames.IsWellFormed(credentialId)))
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, MfaFailureReason.MalformedInput, AuthenticatorNames.Rule);
        }

        if (state == PendingChallengeState.Consumed)
        {
            return await StoredByEarlierAttemptAsync(user, kind, enrollmentId, record, cancellationToken).ConfigureAwait(false);
        }

        // One unit: consume the enrollment, store the record, record its first code's step (the enrollment code can never
        // sign in). A fault leaves all of it or none of it.
        var outcome = await _enrollments.TryCompleteAsync(enrollmentId, binding, record with { Name = name }, completed.InitialReplayStep, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case EnrollmentCommitOutcome.Duplicate:
                return EnrollmentFailed(user.Id, kind, enrollmentId, MfaFailureReason.AlreadyEnrolled, message: null);
            case EnrollmentCommitOutcome.EnrollmentNotUsable:
                // A racing completion (or this call's own earlier attempt) got there first.
                return await StoredByEarlierAttemptAsync(user, kind, enrollmentId, record, cancellationToken).ConfigureAwait(false);
        }

        var stored = record with { Name = name };
        await AfterDecisionAsync(
            user.Id,
            async () =>
            {
                await _lockout.RecordSuccessAsync(user.Id, authenticatorId: null, cancellationToken).ConfigureAwait(false);
                return true;
            },
            fallback: false).ConfigureAwait(false);
        MfaLog.EnrollmentSucceeded(_logger, user.Id, kind, stored.Id);
        return MfaOperationResult.Success(Info(stored));
    }

    /// <summary>The result of an enrollment that was completed before: the record it stored, else "already used".</summary>
    private async Task<MfaOperationResult> StoredByEarlierAttemptAsync(MfaUser user, string kind, string enrollmentId, AuthenticatorRecord record, CancellationToken cancellationToken)
    {
        var same = await _authenticators.FindByIdAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (same is null || same.UserId != user.Id || same.Kind != kind || same.CredentialId != record.CredentialId)
        {
            return EnrollmentFailed(user.Id, kind, enrollmentId, MfaFailureReason.ChallengeAlreadyUsed, message: null);
        }

        MfaLog.EnrollmentSucceeded(_logger, user.Id, kind, same.Id);
        return MfaOperationResult.Success(Info(same));
    }

    public Task<MfaOperationResult> ImportAuthenticatorAsync(MfaUser user, AuthenticatorImport import, CancellationToken cancellationToken = default) =>
        GuardedAsync(user?.Id, () => ImportAuthenticatorCoreAsync(user!, import, cancellationToken), static reason => MfaOperationResult.Failure(reason));

    private async Task<MfaOperationResult> ImportAuthenticatorCoreAsync(MfaUser user, AuthenticatorImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(import);
        if (!TryGetAllowedFactor(import.Kind, out var factor))
        {
            return MfaOperationResult.Failure(MfaFailureReason.FactorNotAllowed);
        }

        if (factor is not IImportingFactor importing)
        {
            return MfaOperationResult.Failure(MfaFailureReason.NotSupported);
        }

        string? name = null;
        if (import.Name is not null && !AuthenticatorNames.TryNormalize(import.Name, out name))
        {
            return MfaOperationResult.Failure(MfaFailureReason.MalformedInput, AuthenticatorNames.Rule);
        }

        var records = await _authenticators.ListByUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (!MayAddFactor(user, records, completing: null, "import"))
        {
            return MfaOperationResult.Failure(MfaFailureReason.ReauthenticationRequired);
        }

        var existing = records.Where(r => r.Kind == import.Kind).ToList();
        var now = _time.GetUtcNow();
        var imported = await importing.ImportAsync(new EnrollmentContext(user, Base64Url.NewRandom(PendingIdBytes), name, now, now, existing), import, cancellationToken).ConfigureAwait(false);
        if (!imported.Succeeded)
        {
            return MfaOperationResult.Failure(imported.FailureReason, imported.Message);
        }

        var record = imported.Authenticator;
        if (record.UserId != user.Id || record.Kind != import.Kind)
        {
            throw new InvalidOperationException($"Factor '{import.Kind}' imported an authenticator for another user or kind.");
        }

        if (!AuthenticatorNames.TryNormalize(record.Name, out var recordName) || (record.CredentialId is { } credentialId && !AuthenticatorNames.IsWellFormed(credentialId)))
        {
            return MfaOperationResult.Failure(MfaFailureReason.MalformedInput, AuthenticatorNames.Rule);
        }

        var stored = await _authenticators.TryCreateAsync(record with { Name = recordName }, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return MfaOperationResult.Failure(MfaFailureReason.AlreadyEnrolled);
        }

        MfaLog.EnrollmentSucceeded(_logger, user.Id, import.Kind, stored.Id);
        return MfaOperationResult.Success(Info(stored));
    }

    private static ChallengeBinding EnrollmentBinding(string userId, string kind) => new(userId, kind, AuthenticatorId: null, EnrollmentCeremonyPurpose);

    /// <summary>Logs a failed enrollment; the attempt was already counted against the user when it was admitted.</summary>
    private MfaOperationResult EnrollmentFailed(string userId, string kind, string enrollmentId, MfaFailureReason reason, string? message)
    {
        MfaLog.EnrollmentFailed(_logger, enrollmentId, kind, userId, reason);
        return MfaOperationResult.Failure(reason, message);
    }
}
