namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IAuthenticatorStore"/> for tests and samples; state is lost when the process ends.</summary>
internal sealed class InMemoryAuthenticatorStore : IAuthenticatorStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuthenticatorRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string CredentialId), string> _byCredential = [];

    public Task<AuthenticatorRecord?> TryCreateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_byId.ContainsKey(record.Id) || (record.CredentialId is { } cid && _byCredential.ContainsKey((record.Kind, cid))))
            {
                return Task.FromResult<AuthenticatorRecord?>(null);
            }

            var stored = record with { Version = 1 };
            _byId[stored.Id] = stored;
            if (stored.CredentialId is { } credentialId)
            {
                _byCredential[(stored.Kind, credentialId)] = stored.Id;
            }

            return Task.FromResult<AuthenticatorRecord?>(stored);
        }
    }

    public Task<AuthenticatorRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return Task.FromResult(_byId.GetValueOrDefault(id));
        }
    }

    public Task<AuthenticatorRecord?> FindByCredentialIdAsync(string kind, string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(credentialId);
        lock (_gate)
        {
            return Task.FromResult(_byCredential.TryGetValue((kind, credentialId), out var id) ? _byId[id] : null);
        }
    }

    public Task<IReadOnlyList<AuthenticatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            IReadOnlyList<AuthenticatorRecord> list = [.. _byId.Values.Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<AuthenticatorRecord>> ListPageAsync(string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        lock (_gate)
        {
            IReadOnlyList<AuthenticatorRecord> page = [.. _byId.Values
                .Where(r => afterId is null || string.CompareOrdinal(r.Id, afterId) > 0)
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<AuthenticatorRecord?> TryUpdateAsync(AuthenticatorRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_byId.TryGetValue(record.Id, out var current) || current.Version != record.Version
                || current.UserId != record.UserId || current.Kind != record.Kind || current.CredentialId != record.CredentialId)
            {
                return Task.FromResult<AuthenticatorRecord?>(null);
            }

            var stored = record with { Version = current.Version + 1 };
            _byId[stored.Id] = stored;
            return Task.FromResult<AuthenticatorRecord?>(stored);
        }
    }

    public Task<bool> TryDeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current) || current.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _byId.Remove(id);
            if (current.CredentialId is { } credentialId)
            {
                _byCredential.Remove((current.Kind, credentialId));
            }

            return Task.FromResult(true);
        }
    }
}
