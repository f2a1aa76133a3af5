using System.Collections.Concurrent;
using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;

namespace Mfa.Core.Tests.Fakes;

/// <summary>An in-memory recovery-code store that keeps a copy of every byte the service hands it to store.</summary>
public sealed class RecordingRecoveryCodeStore : IRecoveryCodeStore
{
    private readonly InMemoryRecoveryCodeStore _inner = new();
    private readonly ConcurrentQueue<byte[]> _stored = new();

    /// <summary>Every salt and hash the service asked the store to keep.</summary>
    public IReadOnlyList<byte[]> StoredBytes => [.. _stored];

    public Task ReplaceAsync(string userId, ReadOnlyMemory<byte> salt, IReadOnlyList<ReadOnlyMemory<byte>> hashes, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        _stored.Enqueue(salt.ToArray());
        foreach (var hash in hashes)
        {
            _stored.Enqueue(hash.ToArray());
        }

        return _inner.ReplaceAsync(userId, salt, hashes, createdAt, cancellationToken);
    }

    public Task<ReadOnlyMemory<byte>?> GetSaltAsync(string userId, CancellationToken cancellationToken = default) => _inner.GetSaltAsync(userId, cancellationToken);

    public Task<bool> TryRedeemAsync(string userId, ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default) => _inner.TryRedeemAsync(userId, hash, cancellationToken);

    public Task<int> CountRemainingAsync(string userId, CancellationToken cancellationToken = default) => _inner.CountRemainingAsync(userId, cancellationToken);
}
