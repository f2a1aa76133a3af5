namespace Mfa.Core.Storage;

/// <summary>
/// Lists the users a store knows, for admin views: every user with settings (a status read, an enrollment begun, a
/// requirement set). Implemented by the user-settings store of each provider.
/// </summary>
public interface IMfaUserDirectory
{
    /// <summary>One page of user ids in ascending binary (ordinal) order.</summary>
    /// <param name="afterUserId">Return only ids after this one (the last id of the previous page); <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most ids returned (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ids; fewer than <paramref name="limit"/> means the last page.</returns>
    Task<IReadOnlyList<string>> ListUserIdsAsync(string? afterUserId, int limit, CancellationToken cancellationToken = default);
}
