namespace Mfa.Core.Tests.Service;

/// <summary>The admin listings: users a page at a time with their status, and the locked-out ones.</summary>
public sealed partial class MfaServiceTests
{
    [Test]
    public async Task ListUsersAsync_Pages_InIdOrderWithStatus()
    {
        await _mfa.EnrollAsync(Alice, "Phone");
        await _mfa.EnrollAsync(Bob);

        var first = await Service.Administration.ListUsersAsync(null, 1);
        var second = await Service.Administration.ListUsersAsync(first.Next, 1);
        var third = await Service.Administration.ListUsersAsync(second.Next, 1);

        Assert.That(first.Users.Single().UserId, Is.EqualTo(Alice.Id));
        Assert.That(first.Users.Single().Authenticators.Single().Name, Is.EqualTo("Phone"));
        Assert.That(second.Users.Single().UserId, Is.EqualTo(Bob.Id));
        Assert.That(third.Users, Is.Empty);
        Assert.That(third.Next, Is.Null);
    }

    [Test]
    public async Task ListLockedOutUsersAsync_OnlyTheLockedOutUser()
    {
        var id = await _mfa.EnrollAsync(Alice);
        await _mfa.EnrollAsync(Bob);
        for (var i = 0; i < 5; i++)
        {
            await _mfa.FailAsync(Alice, id);
        }

        var page = await Service.Administration.ListLockedOutUsersAsync(null, 10);

        Assert.That(page.Succeeded, Is.True);
        Assert.That(page.Users.Select(u => u.UserId), Is.EqualTo(new[] { Alice.Id }));
        Assert.That(page.Next, Is.Null);
    }
}
