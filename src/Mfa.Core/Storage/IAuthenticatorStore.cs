namespace Mfa.Core.Storage;

/// <summary>Durable authenticator records with optimistic concurrency.</summary>
public interface IAuthenticatorStore
{
    /// <summary>Stores a new record with version 1.</summary>
    /// <param name="record">The record; its <see cref="AuthenticatorRecord.Version"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record, or <see langword="null"/> when the id, or the kind and credential id, already exist.</returns>
    Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds a record by id.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Finds a record by factor kind and credential id.</summary>
    /// <param name="kind">The factor kind.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's records, oldest first.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of every user's records in ascending binary (ordinal) order of id, for maintenance that walks the whole
    /// store (re-encrypting secrets after a key rotation).
    /// </summary>
    /// <param name="afterId">Return only records whose id is after this one (the last id of the previous page); <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most records returned (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records; fewer than <paramref name="limit"/> means the last page.</returns>
    Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Replaces a record if its stored version still equals <paramref name="record"/>'s version.</summary>
    /// <param name="record">The changed record carrying the version it was read at. Id, user and kind cannot change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record with the next version, or <see langword="null"/> on a conflict or when it no longer exists.</returns>
    Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record if its stored version equals <paramref name="expectedVersion"/>.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="expectedVersion">The version it was read at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether a record was deleted.</returns>
    Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default);
}
