using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Totp.Tests.Secrets;

/// <summary>
/// An authenticator store where a concurrent writer (a sign-in recording its use) changes the record right before the
/// next <paramref name="races"/> updates, so each of those writes carries a stale version.
/// </summary>
internal sealed class OnceStaleAuthenticatorStore(IAuthenticatorStore inner, int races) : IAuthenticatorStore
{
    private int _races = races;

    public int LostWrites { get; private set; }

    public Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default) => inner.TryCreateAsync(record, cancellationToken);

    public Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default) => inner.FindByCredentialIdAsync(kind, credentialId, cancellationToken);

    public Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default) => inner.ListByUserAsync(userId, cancellationToken);

    public Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default) => inner.ListPageAsync(afterId, limit, cancellationToken);

    public async Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        if (_races > 0)
        {
            _races--;
            var current = await inner.FindByIdAsync(record.Id, cancellationToken);
            await inner.TryUpdateAsync(current! with { LastUsedAt = current.CreatedAt.AddMinutes(1) }, cancellationToken);
        }

        var stored = await inner.TryUpdateAsync(record, cancellationToken);
        LostWrites += stored is null ? 1 : 0;
        return stored;
    }

    public Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(id, expectedVersion, cancellationToken);
}
