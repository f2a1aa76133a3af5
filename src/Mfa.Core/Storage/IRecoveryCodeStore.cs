namespace Mfa.Core.Storage;

/// <summary>Hashed single-use recovery codes.</summary>
public interface IRecoveryCodeStore
{
    /// <summary>Atomically replaces the user's set: the old codes stop working.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="salt">The hashing salt of the new set.</param>
    /// <param name="hashes">The code hashes.</param>
    /// <param name="createdAt">When the set was made.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task ReplaceAsync(string userId, ReadOnlyMemory<byte> salt, IReadOnlyList<ReadOnlyMemory<byte>> hashes, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>Reads the salt of the user's set.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The salt, or <see langword="null"/> when the user has no set.</returns>
    Task<ReadOnlyMemory<byte>?> GetSaltAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Atomically removes the unused code with this hash.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="hash">The code hash.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether a code was redeemed. Exactly one concurrent caller wins.</returns>
    Task<bool> TryRedeemAsync(string userId, ReadOnlyMemory<byte> hash, CancellationToken cancellationToken = default);

    /// <summary>Counts the user's unused codes.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count.</returns>
    Task<int> CountRemainingAsync(string userId, CancellationToken cancellationToken = default);
}
