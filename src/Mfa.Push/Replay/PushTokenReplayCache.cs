using System.Security.Cryptography;
using System.Text;
using Mfa.Core.Storage;

namespace Mfa.Push.Replay;

/// <summary>
/// The token-id replay cache of push spec §3.5 and §4.8: a device token (<c>jti</c>) is accepted once while it is valid.
/// Kept in Core's <see cref="IAttemptCounterStore"/>, so a durable store makes every app server agree: the first
/// atomic increment of a token's counter wins, any repeat within the window finds it at 2 or more.
/// </summary>
internal sealed class PushTokenReplayCache(IAttemptCounterStore counters)
{
    private const string KeyPrefix = "push-jti:";

    /// <summary>Records the token id <paramref name="jti"/> of <paramref name="credentialId"/>'s <paramref name="tokenType"/>.</summary>
    /// <param name="tokenType">The token's <c>typ</c> (a proof's jti never blocks an update's).</param>
    /// <param name="credentialId">The device.</param>
    /// <param name="jti">The token id.</param>
    /// <param name="now">The verifier's time.</param>
    /// <param name="keepUntil">Until when the token could still verify.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether this is the token's first use.</returns>
    public async Task<bool> TryRecordAsync(string tokenType, string credentialId, string jti, DateTimeOffset now, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        var window = keepUntil > now ? keepUntil - now : TimeSpan.FromSeconds(1);
        var counter = await counters.IncrementAsync(Key(tokenType, credentialId, jti), now, window, cancellationToken).ConfigureAwait(false);
        return counter.Count == 1;
    }

    /// <summary>A fixed-length key: the device's id and its token id are attacker-chosen text, so they are hashed.</summary>
    private static string Key(string tokenType, string credentialId, string jti)
    {
        var text = string.Join('\n', tokenType, credentialId, jti);
        return KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
