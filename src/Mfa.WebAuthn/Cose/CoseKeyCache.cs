using System.Collections.Concurrent;
using Mfa.Core;

namespace Mfa.WebAuthn.Cose;

/// <summary>
/// A bounded, thread-safe cache of decoded credential public keys keyed by their exact COSE_Key bytes. Importing a
/// P-256 key costs several times the signature verification itself, so the assertion hot path decodes each stored
/// key once. Lookups of a cached key do not allocate.
/// </summary>
/// <remarks>
/// Only successfully decoded keys are cached. When the cache reaches its capacity it is emptied and refilled
/// (cheap, bounded, and an attacker who floods it with distinct valid keys only costs re-imports). An RS1 key that
/// was decoded with RS1 allowed is not handed out to a caller that does not allow it.
/// </remarks>
internal sealed class CoseKeyCache
{
    /// <summary>The default number of keys kept.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<byte[], CoseKey> _keys = new(ByteSequenceComparer.Instance);
    private readonly ConcurrentDictionary<byte[], CoseKey>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;
    private int _count;

    /// <summary>Creates a cache.</summary>
    /// <param name="capacity">The most keys kept at once (at least 1).</param>
    public CoseKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>A process-wide cache for callers without their own.</summary>
    public static CoseKeyCache Shared { get; } = new();

    /// <summary>The number of keys currently cached (approximate under concurrency).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns the cached key for these exact bytes, or decodes (and caches) it. Never throws for bad input.</summary>
    /// <param name="encoded">The COSE_Key bytes.</param>
    /// <param name="allowRs1">Whether RS1 keys are accepted.</param>
    /// <param name="key">The key on success.</param>
    /// <param name="failure">Why decoding failed (see <see cref="CoseKey.TryDecode"/>).</param>
    /// <returns>Whether a key is returned.</returns>
    public bool TryGetOrDecode(ReadOnlyMemory<byte> encoded, bool allowRs1, out CoseKey? key, out MfaFailureReason failure)
    {
        if (_lookup.TryGetValue(encoded.Span, out var cached))
        {
            if (cached.Algorithm == CoseAlgorithm.RS1 && !allowRs1)
            {
                key = null;
                failure = MfaFailureReason.UnsupportedAlgorithm;
                return false;
            }

            key = cached;
            failure = MfaFailureReason.None;
            return true;
        }

        // Decode from a private copy so the cached key never aliases a caller's buffer.
        var owned = encoded.ToArray();
        if (!CoseKey.TryDecode(owned, allowRs1, out key, out failure))
        {
            return false;
        }

        if (Interlocked.Increment(ref _count) > _capacity)
        {
            _keys.Clear();
            Volatile.Write(ref _count, 1);
        }

        key = _keys.GetOrAdd(owned, key!);
        return true;
    }

    /// <summary>Compares byte arrays by content, and looks them up by span.</summary>
    private sealed class ByteSequenceComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static ByteSequenceComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            // HashCode is seeded per process, so hostile keys cannot be chosen to collide.
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
