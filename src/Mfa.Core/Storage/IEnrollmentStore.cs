namespace Mfa.Core.Storage;

/// <summary>
/// Completes an enrollment as one unit: consumes the pending enrollment, stores the new authenticator and records its
/// initial replay-guard step — all or nothing, so a fault can never leave an authenticator without its replay guard, nor a
/// consumed enrollment whose authenticator was lost. The durable stores do it in one transaction.
/// </summary>
public interface IEnrollmentStore
{
    /// <summary>Commits a verified enrollment.</summary>
    /// <param name="enrollmentId">The pending enrollment.</param>
    /// <param name="binding">What it must be bound to (user, kind, enrollment purpose).</param>
    /// <param name="record">The new authenticator.</param>
    /// <param name="initialReplayStep">The step the enrollment's own code used (it must never sign in), or <see langword="null"/>.</param>
    /// <param name="now">Now: an expired enrollment is not usable.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="EnrollmentCommitOutcome.Stored"/> (everything written); <see cref="EnrollmentCommitOutcome.EnrollmentNotUsable"/>
    /// or <see cref="EnrollmentCommitOutcome.Duplicate"/> (nothing written).
    /// </returns>
    Task<EnrollmentCommitOutcome> TryCompleteAsync(string enrollmentId, ChallengeBinding binding, AuthenticatorRecord record, long? initialReplayStep, DateTimeOffset now, CancellationToken cancellationToken = default);
}
