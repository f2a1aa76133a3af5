using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Storage.Relational;

/// <summary>
/// <see cref="IEnrollmentStore"/> in one write transaction: the authenticator insert, the conditional consume of the
/// enrollment and the replay-guard step commit together or not at all (a refused consume rolls the insert back). The
/// statements are the stores' own.
/// </summary>
internal sealed class RelationalEnrollmentStore(RelationalDatabase database) : IEnrollmentStore
{
    private readonly RelationalAuthenticatorStore _authenticators = new(database);
    private readonly RelationalChallengeStore _challenges = new(database);
    private readonly RelationalReplayGuardStore _replayGuard = new(database);

    public async Task<EnrollmentCommitOutcome> TryCompleteAsync(string enrollmentId, ChallengeBinding binding, AuthenticatorRecord record, long? initialReplayStep, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrollmentId);
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return await database.WriteTransactionAsync(
                async (connection, transaction, ct) =>
                {
                    using (var insert = database.Command(connection, _authenticators.CreateStatement.Text, transaction))
                    {
                        RelationalAuthenticatorStore.AddFields(insert, record);
                        if (await insert.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
                        {
                            return EnrollmentCommitOutcome.Duplicate;
                        }
                    }

                    using (var consume = database.Command(connection, _challenges.ConsumeStatement.Text, transaction))
                    {
                        RelationalChallengeStore.AddBinding(consume.With("@id", enrollmentId), binding).With("@now", now);
                        if (await consume.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
                        {
                            throw new RollBack();
                        }
                    }

                    if (initialReplayStep is { } step)
                    {
                        using var advance = database.Command(connection, _replayGuard.AdvanceStatement.Text, transaction)
                            .With("@authenticator_id", record.Id)
                            .With("@step", step);
                        await advance.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    return EnrollmentCommitOutcome.Stored;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RollBack)
        {
            return EnrollmentCommitOutcome.EnrollmentNotUsable;
        }
    }

    /// <summary>Leaves the transaction without committing (the insert is undone).</summary>
#pragma warning disable CA1064, CA1032, RCS1194 // Private control flow, never seen outside this class.
    private sealed class RollBack : Exception;
#pragma warning restore CA1064, CA1032, RCS1194
}
