using System.Security.Cryptography;

namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IRecoveryCodeStore"/> for tests and samples.</summary>
internal sealed class InMemoryRecoveryCodeStore : IRecoveryCodeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (byte[] Salt, List<byte[]> Hashes)> _sets = new(StringComparer.Ordinal);

    public Task ReplaceAsync(string userId, ReadOnlyMemory<byte> salt, IReadOnlyList<ReadOnlyMemory<byte>> hashes, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(hashes);
        lock (_gate)
        {
            _sets[userId] = (salt.ToArray(), [.. hashes.Select(h => h.ToArray())]);
        }

        return Task.CompletedTask;
    }

    public Task<ReadOnlyMemory<byte>?> GetSaltAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            return Task.FromResult(_sets.TryGetValue(userId, out var set) ? new ReadOnlyMemory<byte>(set.Salt) : (ReadOnlyMemory<byte>?)null);
        }
    }

    public Task<bool> TryRedeemAsync(string userId, ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            if (!_sets.TryGetValue(userId, out var set))
            {
                return Task.FromResult(false);
            }

            // Compare every stored hash in constant time and without an early exit.
            var match = -1;
            for (var i = 0; i < set.Hashes.Count; i++)
            {
                if (CryptographicOperations.FixedTimeEquals(set.Hashes[i], hash.Span))
                {
                    match = i;
                }
            }

            if (match < 0)
            {
                return Task.FromResult(false);
            }

            set.Hashes.RemoveAt(match);
            return Task.FromResult(true);
        }
    }

    public Task<int> CountRemainingAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            return Task.FromResult(_sets.TryGetValue(userId, out var set) ? set.Hashes.Count : 0);
        }
    }
}
