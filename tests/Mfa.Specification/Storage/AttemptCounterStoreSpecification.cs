using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IAttemptCounterStore"/>: atomic increments, windows that restart, reset.</summary>
public abstract class AttemptCounterStoreSpecification : StoreSpecification<IAttemptCounterStore>
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(5);

    private async Task<string> CountedKeyAsync(int failures, TimeSpan? window)
    {
        var key = NewId("user");
        for (var i = 0; i < failures; i++)
        {
            await Store.IncrementAsync(key, Now, window);
        }

        return key;
    }

    [Test]
    public async Task GetAsync_Unknown_ReturnsZeroWithoutWindow()
    {
        Assert.That(await Store.GetAsync(NewId("user")), Is.EqualTo(new AttemptCounter(0, null)));
    }

    [Test]
    public async Task IncrementAsync_First_ReturnsOneStartingNow()
    {
        Assert.That(await Store.IncrementAsync(NewId("user"), Now, s_window), Is.EqualTo(new AttemptCounter(1, Now)));
    }

    [Test]
    public async Task IncrementAsync_FirstWithoutWindow_ReturnsOneStartingNow()
    {
        Assert.That(await Store.IncrementAsync(NewId("user"), Now, window: null), Is.EqualTo(new AttemptCounter(1, Now)));
    }

    [Test]
    public async Task IncrementAsync_WithinTheWindow_CountsOnAndKeepsTheStart()
    {
        var start = Now;
        var key = await CountedKeyAsync(1, s_window);
        Time.Advance(s_window - TimeSpan.FromMilliseconds(1));

        var counter = await Store.IncrementAsync(key, Now, s_window);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(2, start)));
    }

    [Test]
    public async Task IncrementAsync_WhenTheWindowEnds_RestartsAtOneFromNow()
    {
        var key = await CountedKeyAsync(3, s_window);
        Time.Advance(s_window);

        var counter = await Store.IncrementAsync(key, Now, s_window);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(1, Now)));
    }

    [Test]
    public async Task IncrementAsync_LongAfterTheWindow_RestartsAtOneFromNow()
    {
        var key = await CountedKeyAsync(3, s_window);
        Time.Advance(TimeSpan.FromDays(3));

        var counter = await Store.IncrementAsync(key, Now, s_window);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(1, Now)));
    }

    [Test]
    public async Task IncrementAsync_RestartedWindow_CountsFromTheNewStart()
    {
        var key = await CountedKeyAsync(3, s_window);
        Time.Advance(s_window);
        var restart = Now;
        await Store.IncrementAsync(key, Now, s_window);
        Time.Advance(TimeSpan.FromMinutes(1));

        var counter = await Store.IncrementAsync(key, Now, s_window);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(2, restart)));
    }

    [Test]
    public async Task IncrementAsync_WithoutWindow_NeverRestarts()
    {
        var start = Now;
        var key = await CountedKeyAsync(2, window: null);
        Time.Advance(TimeSpan.FromDays(400));

        var counter = await Store.IncrementAsync(key, Now, window: null);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(3, start)));
    }

    [Test]
    public async Task GetAsync_AfterIncrements_ReturnsTheCounter()
    {
        var start = Now;
        var key = await CountedKeyAsync(4, s_window);
        Assert.That(await Store.GetAsync(key), Is.EqualTo(new AttemptCounter(4, start)));
    }

    [Test]
    public async Task GetAsync_OnPeer_SeesTheIncrements()
    {
        var start = Now;
        var key = await CountedKeyAsync(2, s_window);
        Assert.That(await Peer.GetAsync(key), Is.EqualTo(new AttemptCounter(2, start)));
    }

    [Test]
    public async Task ResetAsync_CountedKey_ClearsIt()
    {
        var key = await CountedKeyAsync(3, s_window);
        await Store.ResetAsync(key);
        Assert.That(await Store.GetAsync(key), Is.EqualTo(new AttemptCounter(0, null)));
    }

    [Test]
    public async Task ResetAsync_ThenIncrement_StartsAgainAtOne()
    {
        var key = await CountedKeyAsync(3, window: null);
        await Store.ResetAsync(key);
        Time.Advance(TimeSpan.FromSeconds(10));

        var counter = await Store.IncrementAsync(key, Now, window: null);

        Assert.That(counter, Is.EqualTo(new AttemptCounter(1, Now)));
    }

    [Test]
    public async Task ResetAsync_UnknownKey_LeavesOthersAlone()
    {
        var start = Now;
        var key = await CountedKeyAsync(2, s_window);

        await Store.ResetAsync(NewId("user"));

        Assert.That(await Store.GetAsync(key), Is.EqualTo(new AttemptCounter(2, start)));
    }

    [Test]
    public async Task IncrementAsync_OtherKey_IsIndependent()
    {
        var key = await CountedKeyAsync(2, s_window);
        var other = await Store.IncrementAsync(NewId("user"), Now, s_window);
        Assert.That(other.Count, Is.EqualTo(1));
        Assert.That((await Store.GetAsync(key)).Count, Is.EqualTo(2));
    }

    [Test]
    public async Task IncrementAsync_KeyDiffersOnlyInCase_IsIndependent()
    {
        var key = "user:Alice-" + Guid.NewGuid().ToString("N");
        await Store.IncrementAsync(key, Now, s_window);
        Assert.That((await Store.IncrementAsync(key.ToLowerInvariant(), Now, s_window)).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task IncrementAsync_Racing_CountsEveryFailure()
    {
        var key = NewId("user");
        var start = Now;

        var results = await RaceAsync(store => store.IncrementAsync(key, start, s_window));

        Assert.That(results.Select(r => r.Count).Order(), Is.EqualTo(Enumerable.Range(1, RaceWidth)));
        Assert.That(await Store.GetAsync(key), Is.EqualTo(new AttemptCounter(RaceWidth, start)));
    }

    [Test]
    public async Task IncrementAsync_RacingWithoutWindow_CountsEveryFailure()
    {
        var key = NewId("authenticator");
        await RaceAsync(store => store.IncrementAsync(key, Now, window: null));
        Assert.That((await Store.GetAsync(key)).Count, Is.EqualTo(RaceWidth));
    }

    [Test]
    public async Task GetAndReset_UnstorableKey_ReadZeroAndChangeNothing()
    {
        var start = Now;
        var key = await CountedKeyAsync(2, s_window);
        foreach (var text in Unstorable)
        {
            Assert.That(await Store.GetAsync(text), Is.EqualTo(new AttemptCounter(0, null)));
            await Store.ResetAsync(text);
        }

        Assert.That(await Store.GetAsync(key), Is.EqualTo(new AttemptCounter(2, start)));
    }
}
