using System.Security.Cryptography;
using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IRecoveryCodeStore"/>: a replaced set voids the old one, each code redeems once.</summary>
public abstract class RecoveryCodeStoreSpecification : StoreSpecification<IRecoveryCodeStore>
{
    private static byte[] NewHash() => RandomNumberGenerator.GetBytes(32);

    private async Task<(string UserId, byte[] Salt, byte[][] Hashes)> NewSetAsync(int count = 10, string? userId = null)
    {
        userId ??= NewId("user");
        var salt = RandomNumberGenerator.GetBytes(16);
        var hashes = Enumerable.Range(0, count).Select(_ => NewHash()).ToArray();
        await Store.ReplaceAsync(userId, salt, [.. hashes.Select(h => (ReadOnlyMemory<byte>)h)], Now);
        return (userId, salt, hashes);
    }

    [Test]
    public async Task GetSaltAsync_NoSet_ReturnsNull()
    {
        Assert.That(await Store.GetSaltAsync(NewId("user")), Is.Null);
    }

    [Test]
    public async Task CountRemainingAsync_NoSet_ReturnsZero()
    {
        Assert.That(await Store.CountRemainingAsync(NewId("user")), Is.Zero);
    }

    [Test]
    public async Task ReplaceAsync_NewSet_StoresTheSalt()
    {
        var (userId, salt, _) = await NewSetAsync();
        Assert.That((await Store.GetSaltAsync(userId))?.ToArray(), Is.EqualTo(salt));
    }

    [Test]
    public async Task ReplaceAsync_NewSet_CountsEveryCode()
    {
        var (userId, _, _) = await NewSetAsync(count: 10);
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(10));
    }

    [Test]
    public async Task ReplaceAsync_EmptySet_KeepsTheSaltWithNoCodes()
    {
        var (userId, salt, _) = await NewSetAsync(count: 0);
        Assert.That((await Store.GetSaltAsync(userId))?.ToArray(), Is.EqualTo(salt));
        Assert.That(await Store.CountRemainingAsync(userId), Is.Zero);
    }

    [Test]
    public async Task ReplaceAsync_CallerChangesBuffersAfterwards_StoredSetUnchanged()
    {
        var userId = NewId("user");
        var salt = RandomNumberGenerator.GetBytes(16);
        var expectedSalt = salt.ToArray();
        var hash = NewHash();
        var expectedHash = hash.ToArray();
        await Store.ReplaceAsync(userId, salt, [hash], Now);
        salt[0] ^= 0xff;
        hash[0] ^= 0xff;

        Assert.That((await Store.GetSaltAsync(userId))?.ToArray(), Is.EqualTo(expectedSalt));
        Assert.That(await Store.TryRedeemAsync(userId, expectedHash), Is.True);
    }

    [Test]
    public async Task ReplaceAsync_ExistingSet_OldCodesStopWorking()
    {
        var (userId, _, oldHashes) = await NewSetAsync();
        await NewSetAsync(userId: userId);
        Assert.That(await Store.TryRedeemAsync(userId, oldHashes[0]), Is.False);
    }

    [Test]
    public async Task ReplaceAsync_ExistingSet_NewSaltAndCountApply()
    {
        var (userId, _, _) = await NewSetAsync(count: 10);
        var (_, newSalt, _) = await NewSetAsync(count: 4, userId: userId);
        Assert.That((await Store.GetSaltAsync(userId))?.ToArray(), Is.EqualTo(newSalt));
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(4));
    }

    [Test]
    public async Task ReplaceAsync_NewSetWithARedeemedHash_ItWorksAgain()
    {
        var (userId, _, hashes) = await NewSetAsync();
        await Store.TryRedeemAsync(userId, hashes[0]);

        await Store.ReplaceAsync(userId, RandomNumberGenerator.GetBytes(16), [hashes[0]], Now);

        Assert.That(await Store.TryRedeemAsync(userId, hashes[0]), Is.True);
    }

    [Test]
    public async Task ReplaceAsync_OtherUser_LeavesThisUsersSetAlone()
    {
        var (userId, salt, hashes) = await NewSetAsync();
        await NewSetAsync();
        Assert.That((await Store.GetSaltAsync(userId))?.ToArray(), Is.EqualTo(salt));
        Assert.That(await Store.TryRedeemAsync(userId, hashes[0]), Is.True);
    }

    [Test]
    public async Task TryRedeemAsync_StoredHash_RedeemsAndCountsDown()
    {
        var (userId, _, hashes) = await NewSetAsync(count: 10);

        var redeemed = await Store.TryRedeemAsync(userId, hashes[3]);

        Assert.That(redeemed, Is.True);
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(9));
    }

    [Test]
    public async Task TryRedeemAsync_Twice_SecondFails()
    {
        var (userId, _, hashes) = await NewSetAsync();
        await Store.TryRedeemAsync(userId, hashes[3]);
        Assert.That(await Store.TryRedeemAsync(userId, hashes[3]), Is.False);
    }

    [Test]
    public async Task TryRedeemAsync_RedeemedOnPeer_FailsOnStore()
    {
        var (userId, _, hashes) = await NewSetAsync();
        await Peer.TryRedeemAsync(userId, hashes[3]);
        Assert.That(await Store.TryRedeemAsync(userId, hashes[3]), Is.False);
    }

    [Test]
    public async Task TryRedeemAsync_EveryCodeOnce_AllRedeemThenNoneRemain()
    {
        var (userId, _, hashes) = await NewSetAsync(count: 5);
        foreach (var hash in hashes)
        {
            Assert.That(await Store.TryRedeemAsync(userId, hash), Is.True);
        }

        Assert.That(await Store.CountRemainingAsync(userId), Is.Zero);
    }

    [Test]
    public async Task TryRedeemAsync_UnknownHash_FailsAndKeepsTheCount()
    {
        var (userId, _, _) = await NewSetAsync(count: 10);

        var redeemed = await Store.TryRedeemAsync(userId, NewHash());

        Assert.That(redeemed, Is.False);
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(10));
    }

    [Test]
    public async Task TryRedeemAsync_TruncatedHash_Fails()
    {
        var (userId, _, hashes) = await NewSetAsync();
        Assert.That(await Store.TryRedeemAsync(userId, hashes[0].AsMemory(0, 16)), Is.False);
    }

    [Test]
    public async Task TryRedeemAsync_EmptyHash_Fails()
    {
        var (userId, _, _) = await NewSetAsync();
        Assert.That(await Store.TryRedeemAsync(userId, ReadOnlyMemory<byte>.Empty), Is.False);
    }

    [Test]
    public async Task TryRedeemAsync_OtherUsersHash_FailsAndLeavesItUsable()
    {
        var (owner, _, hashes) = await NewSetAsync();
        var (attacker, _, _) = await NewSetAsync();

        var redeemed = await Store.TryRedeemAsync(attacker, hashes[0]);

        Assert.That(redeemed, Is.False);
        Assert.That(await Store.TryRedeemAsync(owner, hashes[0]), Is.True);
    }

    [Test]
    public async Task TryRedeemAsync_NoSet_Fails()
    {
        Assert.That(await Store.TryRedeemAsync(NewId("user"), NewHash()), Is.False);
    }

    [Test]
    public async Task TryRedeemAsync_RacingForTheSameCode_ExactlyOneWins()
    {
        var (userId, _, hashes) = await NewSetAsync(count: 10);

        var results = await RaceAsync(store => store.TryRedeemAsync(userId, hashes[0]));

        Assert.That(results.Count(redeemed => redeemed), Is.EqualTo(1));
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(9));
    }

    [Test]
    public async Task TryRedeemAsync_RacingForDifferentCodes_AllWin()
    {
        var (userId, _, hashes) = await NewSetAsync(count: RaceWidth);
        var next = -1;

        var results = await RaceAsync(store => store.TryRedeemAsync(userId, hashes[Interlocked.Increment(ref next)]));

        Assert.That(results, Is.All.True);
        Assert.That(await Store.CountRemainingAsync(userId), Is.Zero);
    }

    [Test]
    public async Task ReplaceAsync_Racing_LeavesExactlyOneWholeSet()
    {
        var userId = NewId("user");
        var sets = Enumerable.Range(0, RaceWidth)
            .Select(_ => (Salt: RandomNumberGenerator.GetBytes(16), Hashes: Enumerable.Range(0, 5).Select(_ => NewHash()).ToArray()))
            .ToArray();
        var next = -1;

        await RaceAsync(async store =>
        {
            var set = sets[Interlocked.Increment(ref next)];
            await store.ReplaceAsync(userId, set.Salt, [.. set.Hashes.Select(h => (ReadOnlyMemory<byte>)h)], Now);
            return true;
        });

        // The surviving salt names the surviving set: exactly its five codes remain, and no code of another set.
        var salt = (await Store.GetSaltAsync(userId))?.ToArray();
        var winner = sets.Single(s => s.Salt.AsSpan().SequenceEqual(salt));
        Assert.That(await Store.CountRemainingAsync(userId), Is.EqualTo(5));
        foreach (var hash in winner.Hashes)
        {
            Assert.That(await Store.TryRedeemAsync(userId, hash), Is.True);
        }
    }

    [Test]
    public async Task Lookups_UnstorableUserId_FindNothing()
    {
        var (_, _, hashes) = await NewSetAsync();
        foreach (var text in Unstorable)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await Store.GetSaltAsync(text), Is.Null);
                Assert.That(await Store.TryRedeemAsync(text, hashes[0]), Is.False);
                Assert.That(await Store.CountRemainingAsync(text), Is.Zero);
            }
        }
    }
}
