using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Push.Tests.Factor;

/// <summary>An authenticator store where another writer changes the record right before each update (a lost race).</summary>
internal sealed class VersionBumpingStore(IAuthenticatorStore inner) : IAuthenticatorStore
{
    public Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default) => inner.TryCreateAsync(record, cancellationToken);

    public Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default) => inner.FindByCredentialIdAsync(kind, credentialId, cancellationToken);

    public Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default) => inner.ListByUserAsync(userId, cancellationToken);

    public Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default) => inner.ListPageAsync(afterId, limit, cancellationToken);

    public async Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        var current = await inner.FindByIdAsync(record.Id, cancellationToken);
        await inner.TryUpdateAsync(current! with { Name = current.Name + " (renamed)" }, cancellationToken);
        return await inner.TryUpdateAsync(record, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(id, expectedVersion, cancellationToken);
}
