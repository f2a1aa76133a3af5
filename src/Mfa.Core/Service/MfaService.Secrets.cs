using Mfa.Core.Diagnostics;
using Mfa.Core.Factors;

namespace Mfa.Core.Service;

/// <summary>Re-encrypting stored secrets after a key rotation: a page of authenticators at a time, each by its own factor.</summary>
internal sealed partial class MfaService
{
    Task<SecretReencryptionPage> IMfaAdministration.ReencryptSecretsAsync(string? afterAuthenticatorId, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        return GuardedAsync(null, async () =>
        {
            var records = await _authenticators.ListPageAsync(afterAuthenticatorId, limit, cancellationToken).ConfigureAwait(false);
            var counts = new SecretReencryptionCounts();
            foreach (var record in records)
            {
                await ReencryptAsync(record, dryRun, counts, cancellationToken).ConfigureAwait(false);
            }

            MfaLog.SecretsReencrypted(_logger, dryRun ? " (dry run)" : string.Empty, counts.Moved, counts.AlreadyCurrent, counts.Unreadable, counts.Conflicts, counts.Skipped);
            return SecretReencryptionPage.Success(counts, records.Count == limit ? records[^1].Id : null);
        }, static reason => SecretReencryptionPage.Failure(reason));
    }

    /// <summary>
    /// Re-protects one record and writes it with its concurrency token. A write that loses to a concurrent change (a sign-in
    /// recording its use) re-reads the record and tries again, up to <see cref="MaxRechecks"/> times; the secret the winner
    /// wrote is still the old one, so nothing is lost either way.
    /// </summary>
    private async Task ReencryptAsync(AuthenticatorRecord record, bool dryRun, SecretReencryptionCounts counts, CancellationToken cancellationToken)
    {
        if (_factors.GetValueOrDefault(record.Kind) is not IReprotectingFactor factor)
        {
            counts.Skipped++;
            return;
        }

        var current = record;
        for (var attempt = 0; ; attempt++)
        {
            var outcome = factor.Reprotect(current);
            if (attempt == 0)
            {
                counts.CountKey(outcome.KeyId);
            }

            switch (outcome.Status)
            {
                case SecretReprotectionStatus.Current:
                    counts.AlreadyCurrent++;
                    return;
                case SecretReprotectionStatus.Unreadable:
                    MfaLog.SecretUnavailable(_logger, current.Kind, current.Id, current.UserId, outcome.KeyId ?? SecretReencryptionCounts.UnnamedKey);
                    counts.Unreadable++;
                    return;
            }

            if (dryRun)
            {
                counts.Moved++;
                return;
            }

            // Only the data changes; the factor cannot move the record to another id, user or version.
            var rewritten = current with { Data = outcome.Record!.Data };
            if (await _authenticators.TryUpdateAsync(rewritten, cancellationToken).ConfigureAwait(false) is not null)
            {
                counts.Moved++;
                return;
            }

            var reread = await _authenticators.FindByIdAsync(current.Id, cancellationToken).ConfigureAwait(false);
            if (reread is null)
            {
                // Removed meanwhile: nothing left to move.
                counts.Skipped++;
                return;
            }

            if (attempt + 1 >= MaxRechecks)
            {
                counts.Conflicts++;
                return;
            }

            current = reread;
        }
    }
}
