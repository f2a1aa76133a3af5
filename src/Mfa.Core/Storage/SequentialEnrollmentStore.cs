namespace Mfa.Core.Storage;

/// <summary>
/// <see cref="IEnrollmentStore"/> over the other store interfaces, for stores without transactions (in memory, custom
/// stores). The order keeps every intermediate state safe: the replay step first (keyed by the new record's fresh id,
/// harmless alone), then the record (re-storing the same record is idempotent), then the consume; a refused consume takes
/// the record back out.
/// </summary>
internal sealed class SequentialEnrollmentStore(IChallengeStore challenges, IAuthenticatorStore authenticators, IReplayGuardStore replayGuard) : IEnrollmentStore
{
    public async Task<EnrollmentCommitOutcome> TryCompleteAsync(string enrollmentId, ChallengeBinding binding, AuthenticatorRecord record, long? initialReplayStep, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrollmentId);
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(record);
        if (initialReplayStep is { } step)
        {
            await replayGuard.TryAdvanceStepAsync(record.Id, step, cancellationToken).ConfigureAwait(false);
        }

        var created = await authenticators.TryCreateAsync(record, cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            // A retry after a fault finds the record it stored itself; anything else is a real duplicate.
            var same = await authenticators.FindByIdAsync(record.Id, cancellationToken).ConfigureAwait(false);
            if (same is null || same.UserId != record.UserId || same.Kind != record.Kind || same.CredentialId != record.CredentialId)
            {
                return EnrollmentCommitOutcome.Duplicate;
            }
        }

        if (await challenges.TryConsumeAsync(enrollmentId, binding, now, cancellationToken).ConfigureAwait(false) is null)
        {
            if (created is not null)
            {
                await authenticators.TryDeleteAsync(created.Id, created.Version, cancellationToken).ConfigureAwait(false);
            }

            return EnrollmentCommitOutcome.EnrollmentNotUsable;
        }

        return EnrollmentCommitOutcome.Stored;
    }
}
