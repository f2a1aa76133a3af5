using Mfa.Core.Diagnostics;
using Mfa.Core.Service;
using Mfa.Core.Storage;
using Mfa.Core.Tests.Fakes;
using Mfa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mfa.Core.Tests.Service;

/// <summary>Renaming and removing authenticators, with the last-authenticator guard.</summary>
public sealed partial class MfaServiceTests
{
    [Test]
    public async Task RenameAuthenticatorAsync_ValidName_RenamesTrimmed()
    {
        var id = await _mfa.EnrollAsync(Alice, "Phone");

        var result = await Service.RenameAuthenticatorAsync(Alice.JustVerified(_mfa.Time), id, "  Work phone  ");

        Assert.That(result.Authenticator?.Name, Is.EqualTo("Work phone"));
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Single().Name, Is.EqualTo("Work phone"));
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.AuthenticatorRenamed));
    }

    [TestCase("", Description = "empty")]
    [TestCase("   ", Description = "only spaces")]
    [TestCase("tab\there", Description = "control character")]
    [TestCase("line\nbreak", Description = "control character")]
    [TestCase("nul\0", Description = "control character")]
    [TestCase("next\u0085line", Description = "C1 control character")]
    [TestCase("yek\u202Eiburu", Description = "right-to-left override")]
    [TestCase("zero\u200Bwidth", Description = "zero-width space")]
    [TestCase("line\u2028separator", Description = "line separator")]
    public async Task RenameAuthenticatorAsync_InvalidName_MalformedInputAndUnchanged(string name)
    {
        var id = await _mfa.EnrollAsync(Alice, "Phone");

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, name);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Single().Name, Is.EqualTo("Phone"));
    }

    [Test]
    public async Task RenameAuthenticatorAsync_SixtyFourCharacters_Succeeds()
    {
        var id = await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, new string('n', 64));

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public async Task RenameAuthenticatorAsync_SixtyFiveCharacters_MalformedInput()
    {
        var id = await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, new string('n', 65));

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MalformedInput));
    }

    [Test]
    public async Task RenameAuthenticatorAsync_OtherUsersAuthenticator_UnknownAuthenticatorAndUnchanged()
    {
        await _mfa.EnrollAsync(Alice);
        var bobs = await _mfa.EnrollAsync(Bob, "Bob's phone");

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, bobs, "Mine now");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That((await Service.ListAuthenticatorsAsync(Bob.Id)).Single().Name, Is.EqualTo("Bob's phone"));
    }

    [Test]
    public async Task RenameAuthenticatorAsync_UnknownId_UnknownAuthenticator()
    {
        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, "no-such-authenticator", "Name");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
    }

    [Test]
    public async Task RenameAuthenticatorAsync_StaleVersion_ConcurrencyConflictAndOtherWriteKept()
    {
        var store = UseRacingStore();
        var id = await _mfa.EnrollAsync(Alice, "Phone");
        store.AfterNextRead(OtherWriterRenames(id));

        var result = await Service.Administration.RenameAuthenticatorAsync(Alice.Id, id, "Mine");

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ConcurrencyConflict));
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Single().Name, Is.EqualTo("Other writer"));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_NotLast_Removed()
    {
        var first = await _mfa.EnrollAsync(Alice);
        var second = await _mfa.EnrollAsync(Alice);

        var result = await Service.RemoveAuthenticatorAsync(Alice.JustVerified(_mfa.Time), first);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserLockedOut, Is.False);
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Select(a => a.Id), Is.EqualTo(new[] { second }));
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.AuthenticatorRemoved));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_LastWhileRequired_LastAuthenticatorAndKept()
    {
        var id = await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, id);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LastAuthenticator));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(1));
        Assert.That(_mfa.Logs.EventIds, Does.Contain(MfaEventIds.LastAuthenticatorRemovalRefused));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_LastWhileRequiredForced_RemovedAndUserLockedOut()
    {
        var id = await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, id, force: true);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserLockedOut, Is.True);
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Is.Empty);
        var lockedOut = _mfa.Logs.Entries.Single(e => e.EventId.Id == MfaEventIds.UserLockedOutByRemoval);
        Assert.That(lockedOut.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(lockedOut.Message, Does.Contain(Alice.Id).And.Contain(id).And.Contain("locked out"));
        Assert.That((await Service.GetStatusAsync(Alice)).State, Is.EqualTo(MfaUserState.MustEnroll));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_NotLastForced_RemovedWithoutLockout()
    {
        var first = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, first, force: true);

        Assert.That(result.UserLockedOut, Is.False);
        Assert.That(_mfa.Logs.EventIds, Does.Not.Contain(MfaEventIds.UserLockedOutByRemoval));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_LastWhileOptional_RemovedWithoutLockout()
    {
        var id = await _mfa.EnrollAsync(Alice);
        await Service.Administration.SetRequirementAsync(Alice.Id, Policy.MfaRequirement.Optional);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, id);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.UserLockedOut, Is.False);
        Assert.That(_mfa.Logs.EventIds, Does.Not.Contain(MfaEventIds.UserLockedOutByRemoval));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_OtherUsersAuthenticator_UnknownAuthenticatorAndKept()
    {
        await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice);
        var bobs = await _mfa.EnrollAsync(Bob);

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, bobs, force: true);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That(await Service.ListAuthenticatorsAsync(Bob.Id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_StaleVersion_ConcurrencyConflictAndKept()
    {
        var store = UseRacingStore();
        var first = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice);
        store.AfterNextRead(OtherWriterRenames(first));

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, first);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.ConcurrencyConflict));
        Assert.That(await Service.ListAuthenticatorsAsync(Alice.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_OtherOneRemovedMeanwhile_LastAuthenticatorAndPutBack()
    {
        var store = UseRacingStore();
        var first = await _mfa.EnrollAsync(Alice);
        var second = await _mfa.EnrollAsync(Alice);
        store.AfterNextRead(async s => await s.TryDeleteAsync(second, (await s.FindByIdAsync(second))!.Version));

        var result = await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, first);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.LastAuthenticator));
        Assert.That((await Service.ListAuthenticatorsAsync(Alice.Id)).Select(a => a.Id), Is.EqualTo(new[] { first }));
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_Removed_ChallengeBoundToItFails()
    {
        var first = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice);
        var (id, code) = await _mfa.BeginAsync(Alice, authenticatorId: first);
        await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, first);

        var result = await _mfa.CompleteAsync(Alice, id, code);

        Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.UnknownAuthenticator));
        Assert.That(_mfa.Factor.ChallengeCompletions, Is.Zero);
    }

    [Test]
    public async Task RemoveAuthenticatorAsync_UserThrottled_StaysThrottled()
    {
        var first = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Alice);
        for (var i = 0; i < 5; i++)
        {
            await _mfa.FailAsync(Alice);
        }

        await Service.Administration.RemoveAuthenticatorAsync(Alice.Id, first);

        var start = await Service.BeginChallengeAsync(Alice, new Factors.ChallengeRequest(CodeFactor.DefaultKind, MfaPurpose.SignIn));
        Assert.That(start.FailureReason, Is.EqualTo(MfaFailureReason.LockedOut));
        Assert.That((await Service.GetStatusAsync(Alice)).IsLockedOut, Is.True);
    }

    /// <summary>Another writer renames the authenticator to "Other writer", bumping its version.</summary>
    private static Func<IAuthenticatorStore, Task> OtherWriterRenames(string id) =>
        async store => await store.TryUpdateAsync((await store.FindByIdAsync(id))! with { Name = "Other writer" });

    private RacingAuthenticatorStore UseRacingStore()
    {
        var store = new RacingAuthenticatorStore();
        Use(services: s => s.Replace(ServiceDescriptor.Singleton<IAuthenticatorStore>(store)));
        return store;
    }
}
