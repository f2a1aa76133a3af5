using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IReplayGuardStore"/>: the last accepted time step only moves forward, atomically.</summary>
public abstract class ReplayGuardStoreSpecification : StoreSpecification<IReplayGuardStore>
{
    private const long Step = 59_016_600;

    [Test]
    public async Task GetLastStepAsync_Unknown_ReturnsNull()
    {
        Assert.That(await Store.GetLastStepAsync(NewId("auth")), Is.Null);
    }

    [Test]
    public async Task TryAdvanceStepAsync_FirstStep_AdvancesAndStoresIt()
    {
        var id = NewId("auth");
        Assert.That(await Store.TryAdvanceStepAsync(id, Step), Is.True);
        Assert.That(await Store.GetLastStepAsync(id), Is.EqualTo(Step));
    }

    [Test]
    public async Task TryAdvanceStepAsync_StepZeroFirst_Advances()
    {
        var id = NewId("auth");
        Assert.That(await Store.TryAdvanceStepAsync(id, 0), Is.True);
        Assert.That(await Store.GetLastStepAsync(id), Is.Zero);
    }

    [Test]
    public async Task TryAdvanceStepAsync_SameStepAgain_RefusesAsReplay()
    {
        var id = NewId("auth");
        await Store.TryAdvanceStepAsync(id, Step);
        Assert.That(await Store.TryAdvanceStepAsync(id, Step), Is.False);
    }

    [Test]
    public async Task TryAdvanceStepAsync_EarlierStep_RefusesAndKeepsTheLatest()
    {
        var id = NewId("auth");
        await Store.TryAdvanceStepAsync(id, Step);

        var result = await Store.TryAdvanceStepAsync(id, Step - 1);

        Assert.That(result, Is.False);
        Assert.That(await Store.GetLastStepAsync(id), Is.EqualTo(Step));
    }

    [Test]
    public async Task TryAdvanceStepAsync_LaterStep_Advances()
    {
        var id = NewId("auth");
        await Store.TryAdvanceStepAsync(id, Step);

        var result = await Store.TryAdvanceStepAsync(id, Step + 1);

        Assert.That(result, Is.True);
        Assert.That(await Store.GetLastStepAsync(id), Is.EqualTo(Step + 1));
    }

    [Test]
    public async Task TryAdvanceStepAsync_LargestStep_RoundTrips()
    {
        var id = NewId("auth");
        await Store.TryAdvanceStepAsync(id, Step);
        Assert.That(await Store.TryAdvanceStepAsync(id, long.MaxValue), Is.True);
        Assert.That(await Store.GetLastStepAsync(id), Is.EqualTo(long.MaxValue));
    }

    [Test]
    public async Task TryAdvanceStepAsync_UsedOnPeer_RefusedOnStore()
    {
        var id = NewId("auth");
        await Peer.TryAdvanceStepAsync(id, Step);
        Assert.That(await Store.TryAdvanceStepAsync(id, Step), Is.False);
    }

    [Test]
    public async Task TryAdvanceStepAsync_OtherAuthenticator_IsIndependent()
    {
        var first = NewId("auth");
        var second = NewId("auth");
        await Store.TryAdvanceStepAsync(first, Step);

        Assert.That(await Store.TryAdvanceStepAsync(second, Step), Is.True);
        Assert.That(await Store.GetLastStepAsync(first), Is.EqualTo(Step));
    }

    [Test]
    public async Task TryAdvanceStepAsync_IdDiffersOnlyInCase_IsIndependent()
    {
        var id = "Auth-" + Guid.NewGuid().ToString("N");
        await Store.TryAdvanceStepAsync(id, Step);
        Assert.That(await Store.TryAdvanceStepAsync(id.ToLowerInvariant(), Step), Is.True);
    }

    [Test]
    public async Task TryAdvanceStepAsync_RacingWithTheSameStep_ExactlyOneWins()
    {
        var id = NewId("auth");
        var results = await RaceAsync(store => store.TryAdvanceStepAsync(id, Step));
        Assert.That(results.Count(advanced => advanced), Is.EqualTo(1));
    }

    [Test]
    public async Task TryAdvanceStepAsync_RacingWithTheSameStepOverAnEarlierOne_ExactlyOneWins()
    {
        var id = NewId("auth");
        await Store.TryAdvanceStepAsync(id, Step - 1);
        var results = await RaceAsync(store => store.TryAdvanceStepAsync(id, Step));
        Assert.That(results.Count(advanced => advanced), Is.EqualTo(1));
    }

    [Test]
    public async Task TryAdvanceStepAsync_RacingWithDifferentSteps_EndsAtTheHighest()
    {
        var id = NewId("auth");
        var next = 0L;

        var results = await RaceAsync(store => store.TryAdvanceStepAsync(id, Step + Interlocked.Increment(ref next)));

        Assert.That(results.Count(advanced => advanced), Is.GreaterThanOrEqualTo(1));
        Assert.That(await Store.GetLastStepAsync(id), Is.EqualTo(Step + RaceWidth));
    }

    [Test]
    public async Task GetLastStepAsync_UnstorableId_ReturnsNull()
    {
        foreach (var text in Unstorable)
        {
            Assert.That(await Store.GetLastStepAsync(text), Is.Null);
        }
    }
}
