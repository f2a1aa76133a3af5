using Mfa.Core.Policy;
using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IUserSettingsStore"/>: get-or-create keeps the first-seen time; the requirement can be set and cleared.</summary>
public abstract class UserSettingsStoreSpecification : StoreSpecification<IUserSettingsStore>
{
    [Test]
    public async Task GetOrCreateAsync_NewUser_CreatesWithNowAndNoRequirement()
    {
        var userId = NewId("user");
        Assert.That(await Store.GetOrCreateAsync(userId, Now), Is.EqualTo(new MfaUserSettings(userId, null, Now)));
    }

    [Test]
    public async Task GetOrCreateAsync_Again_KeepsTheFirstSeenTime()
    {
        var userId = NewId("user");
        var firstSeen = Now;
        await Store.GetOrCreateAsync(userId, Now);
        Time.Advance(TimeSpan.FromDays(3));

        var settings = await Store.GetOrCreateAsync(userId, Now);

        Assert.That(settings, Is.EqualTo(new MfaUserSettings(userId, null, firstSeen)));
    }

    [Test]
    public async Task GetOrCreateAsync_OnPeer_SeesTheFirstSeenTime()
    {
        var userId = NewId("user");
        var firstSeen = Now;
        await Store.GetOrCreateAsync(userId, Now);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.That((await Peer.GetOrCreateAsync(userId, Now)).FirstSeenAt, Is.EqualTo(firstSeen));
    }

    [Test]
    public async Task GetOrCreateAsync_UserIdDiffersOnlyInCase_IsAnotherUser()
    {
        var userId = "Alice-" + Guid.NewGuid().ToString("N");
        await Store.SetRequirementAsync(userId, MfaRequirement.Optional, Now);
        Time.Advance(TimeSpan.FromHours(1));

        var other = await Store.GetOrCreateAsync(userId.ToLowerInvariant(), Now);

        Assert.That(other, Is.EqualTo(new MfaUserSettings(userId.ToLowerInvariant(), null, Now)));
    }

    [Test]
    public async Task SetRequirementAsync_ExistingUser_SetsItAndKeepsTheFirstSeenTime()
    {
        var userId = NewId("user");
        var firstSeen = Now;
        await Store.GetOrCreateAsync(userId, Now);
        Time.Advance(TimeSpan.FromDays(1));

        await Store.SetRequirementAsync(userId, MfaRequirement.Required, Now);

        Assert.That(await Store.GetOrCreateAsync(userId, Now), Is.EqualTo(new MfaUserSettings(userId, MfaRequirement.Required, firstSeen)));
    }

    [Test]
    public async Task SetRequirementAsync_NewUser_CreatesWithNowAsFirstSeen()
    {
        var userId = NewId("user");
        var firstSeen = Now;
        await Store.SetRequirementAsync(userId, MfaRequirement.Optional, Now);
        Time.Advance(TimeSpan.FromDays(1));

        Assert.That(await Store.GetOrCreateAsync(userId, Now), Is.EqualTo(new MfaUserSettings(userId, MfaRequirement.Optional, firstSeen)));
    }

    [Test]
    public async Task SetRequirementAsync_Null_ClearsTheOverride()
    {
        var userId = NewId("user");
        await Store.SetRequirementAsync(userId, MfaRequirement.Required, Now);

        await Store.SetRequirementAsync(userId, requirement: null, Now);

        Assert.That((await Store.GetOrCreateAsync(userId, Now)).Requirement, Is.Null);
    }

    [Test]
    public async Task SetRequirementAsync_Changed_LastValueWins()
    {
        var userId = NewId("user");
        await Store.SetRequirementAsync(userId, MfaRequirement.Required, Now);
        await Peer.SetRequirementAsync(userId, MfaRequirement.Optional, Now);
        Assert.That((await Store.GetOrCreateAsync(userId, Now)).Requirement, Is.EqualTo(MfaRequirement.Optional));
    }

    [Test]
    public async Task SetRequirementAsync_OtherUser_LeavesThisUserAlone()
    {
        var userId = NewId("user");
        await Store.SetRequirementAsync(userId, MfaRequirement.Optional, Now);
        await Store.SetRequirementAsync(NewId("user"), MfaRequirement.Required, Now);
        Assert.That((await Store.GetOrCreateAsync(userId, Now)).Requirement, Is.EqualTo(MfaRequirement.Optional));
    }

    [Test]
    public async Task GetOrCreateAsync_RacingWithDifferentTimes_AllSeeOneFirstSeenTime()
    {
        var userId = NewId("user");
        var offset = 0;

        var results = await RaceAsync(store => store.GetOrCreateAsync(userId, Now + TimeSpan.FromSeconds(Interlocked.Increment(ref offset))));

        Assert.That(results.Select(r => r.FirstSeenAt).Distinct().Count(), Is.EqualTo(1));
        Assert.That((await Store.GetOrCreateAsync(userId, Now + TimeSpan.FromDays(1))).FirstSeenAt, Is.EqualTo(results[0].FirstSeenAt));
    }

    [Test]
    public async Task ListUserIdsAsync_PagesInOrdinalOrderAfterTheGivenId()
    {
        var directory = Store as IMfaUserDirectory;
        Assert.That(directory, Is.Not.Null, "the user-settings store is the provider's user directory");
        var prefix = NewId("list");
        await Store.SetRequirementAsync(prefix + "-c", MfaRequirement.Required, Now);
        await Store.GetOrCreateAsync(prefix + "-a", Now);
        await Store.GetOrCreateAsync(prefix + "-B", Now);
        await Store.GetOrCreateAsync(prefix + "-b", Now);

        var first = await directory!.ListUserIdsAsync(prefix + "-", 2);
        var rest = await directory.ListUserIdsAsync(first[^1], 1000);

        Assert.That(first, Is.EqualTo(new[] { prefix + "-B", prefix + "-a" }));
        Assert.That(rest.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)), Is.EqualTo(new[] { prefix + "-b", prefix + "-c" }));
    }
}
