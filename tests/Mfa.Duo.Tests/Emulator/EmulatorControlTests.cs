using System.Net;
using Mfa.Duo.Emulator;
using Mfa.Duo.Emulator.Scripting;

namespace Mfa.Duo.Tests.Emulator;

/// <summary>The /__emulator/ control API, for scripts and browsers that cannot reach the emulator object.</summary>
[TestFixture]
public sealed class EmulatorControlTests
{
    [Test]
    public async Task Users_PostScript_ChangesTheUser()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(emulator.BaseAddress, "__emulator/users?username=zoe&outcome=deny&state=locked&server_error=true&passcode=999999"), null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var requests = await client.GetStringAsync(new Uri(emulator.BaseAddress, "__emulator/requests"));
        var zoe = emulator.GetUser("ZOE");
        Assert.Multiple(() =>
        {
            Assert.That(zoe?.Outcome, Is.EqualTo(DuoEmulatorOutcome.Deny));
            Assert.That(zoe?.State, Is.EqualTo(DuoEmulatorUserState.Locked));
            Assert.That(zoe?.ServerError, Is.True);
            Assert.That(requests, Does.Contain("/__emulator/users"));
            Assert.That(emulator.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Outage_PostMode_SetsAndClearsTheOutage()
    {
        await using var emulator = await DuoEmulator.StartAsync();
        using var client = new HttpClient();
        using (await client.PostAsync(new Uri(emulator.BaseAddress, "__emulator/outage?mode=server_error"), null))
        {
            Assert.That(emulator.Outage, Is.EqualTo(DuoEmulatorOutage.ServerError));
        }

        using (await client.PostAsync(new Uri(emulator.BaseAddress, "__emulator/outage?mode=none"), null))
        {
            Assert.That(emulator.Outage, Is.EqualTo(DuoEmulatorOutage.None));
        }
    }

    [TestCase("__emulator/outage?mode=bogus")]
    [TestCase("__emulator/users?username=zoe&outcome=maybe")]
    [TestCase("__emulator/users")]
    public async Task Control_BadRequest_400(string path)
    {
        await using var emulator = await DuoEmulator.StartAsync();
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(emulator.BaseAddress, path), null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
