using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;

namespace Mfa.Core.Tests.Fakes;

/// <summary>
/// An in-memory authenticator store that lets "another writer" act right after the service's next read, so the
/// service's following write carries a stale version.
/// </summary>
public sealed class RacingAuthenticatorStore : IAuthenticatorStore
{
    private readonly InMemoryAuthenticatorStore _inner = new();
    private Func<IAuthenticatorStore, Task>? _afterNextRead;

    /// <summary>Runs <paramref name="otherWriter"/> against the real store once, after the next read returns its result.</summary>
    public void AfterNextRead(Func<IAuthenticatorStore, Task> otherWriter) => _afterNextRead = otherWriter;

    public Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default) => _inner.TryCreateAsync(record, cancellationToken);

    public async Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await _inner.FindByIdAsync(id, cancellationToken);
        await RaceAsync();
        return found;
    }

    public Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default) =>
        _inner.FindByCredentialIdAsync(kind, credentialId, cancellationToken);

    public async Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var listed = await _inner.ListByUserAsync(userId, cancellationToken);
        await RaceAsync();
        return listed;
    }

    public Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default) => _inner.ListPageAsync(afterId, limit, cancellationToken);

    public Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default) => _inner.TryUpdateAsync(record, cancellationToken);

    public Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) => _inner.TryDeleteAsync(id, expectedVersion, cancellationToken);

    private Task RaceAsync() => Interlocked.Exchange(ref _afterNextRead, null) is { } writer ? writer(_inner) : Task.CompletedTask;
}
