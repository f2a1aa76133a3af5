namespace Mfa.Core.Service;

/// <summary>The admin listings: users a page at a time, and the locked-out ones.</summary>
internal sealed partial class MfaService
{
    /// <summary>How many users one locked-out listing looks at before it answers with a cursor.</summary>
    private const int LockedOutScanLimit = 1000;

    private const int MaxPage = 1000;

    Task<MfaUserPage> IMfaAdministration.ListUsersAsync(string? afterUserId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        if (_userDirectory is not { } directory)
        {
            return Task.FromResult(MfaUserPage.Failure(MfaFailureReason.NotSupported));
        }

        return GuardedAsync(null, async () =>
        {
            var ids = await directory.ListUserIdsAsync(afterUserId, limit, cancellationToken).ConfigureAwait(false);
            var users = new List<MfaUserStatus>(ids.Count);
            foreach (var id in ids)
            {
                users.Add(await GetStatusAsync(new MfaUser(id, id), cancellationToken).ConfigureAwait(false));
            }

            return MfaUserPage.Success(users, ids.Count == limit ? ids[^1] : null);
        }, static reason => MfaUserPage.Failure(reason));
    }

    Task<MfaUserPage> IMfaAdministration.ListLockedOutUsersAsync(string? afterUserId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage);
        if (_userDirectory is not { } directory)
        {
            return Task.FromResult(MfaUserPage.Failure(MfaFailureReason.NotSupported));
        }

        return GuardedAsync(null, async () =>
        {
            var users = new List<MfaUserStatus>();
            var after = afterUserId;
            var scanned = 0;
            while (true)
            {
                var ids = await directory.ListUserIdsAsync(after, 200, cancellationToken).ConfigureAwait(false);
                foreach (var id in ids)
                {
                    var status = await GetStatusAsync(new MfaUser(id, id), cancellationToken).ConfigureAwait(false);
                    scanned++;
                    if (status.IsLockedOut || status.HardLockedAuthenticators.Count > 0)
                    {
                        users.Add(status);
                    }

                    // A full page, or enough scanned for one call: the caller continues after this id.
                    if (users.Count == limit || scanned >= LockedOutScanLimit)
                    {
                        return MfaUserPage.Success(users, id);
                    }
                }

                if (ids.Count < 200)
                {
                    return MfaUserPage.Success(users, null);
                }

                after = ids[^1];
            }
        }, static reason => MfaUserPage.Failure(reason));
    }
}
