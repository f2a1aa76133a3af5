using System.Text.Json.Nodes;
using Mfa.Push.Device;

namespace Mfa.Push.Tests.Device;

[TestFixture]
public sealed class PushDeviceTests
{
    [Test]
    public void Export_EnrolledDevice_ImportsAndKeepsAnswering()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        Assert.That(PushDevice.TryImport(device.Export(), out var copy, host.Time), Is.True);
        using (copy)
        {
            Assert.That(copy!.CredentialId, Is.EqualTo(credential.CredentialId));
            var challenge = host.Challenge(credential);
            Assert.That(host.Verify(PushTestHost.Answer(copy, challenge, PushDeviceAction.Approve), challenge, credential).Succeeded, Is.True);
        }
    }

    [TestCase("mfapush://enroll?v=2&url=https%3A%2F%2Fa.example&eid=e&t=t&skh=K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc", PushDeviceError.Unsupported, Description = "version 2")]
    [TestCase("mfapush://enroll?v=1&url=http%3A%2F%2Fa.example&eid=e&t=t&skh=K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc", PushDeviceError.Unsupported, Description = "http")]
    [TestCase("mfapush://enroll?v=1&url=https%3A%2F%2Fa.example&eid=e&skh=K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc", PushDeviceError.Malformed, Description = "no token")]
    [TestCase("mfapush://enroll?v=1&url=https%3A%2F%2Fa.example&eid=e&t=t&skh=short", PushDeviceError.Malformed, Description = "bad pin")]
    [TestCase("mfapush://enroll?v=1&v=1&url=https%3A%2F%2Fa.example&eid=e&t=t&skh=K9G7DESol8MKeqCZHN442AYv5EHeUNoPRoJTRPYC6Cc", PushDeviceError.Malformed, Description = "duplicate parameter")]
    [TestCase("https://a.example/enroll", PushDeviceError.Malformed, Description = "not mfapush")]
    public void TryParse_BadLink_IsRefused(string uri, PushDeviceError error)
    {
        Assert.That(PushEnrollmentLink.TryParse(uri, out _, out var actual), Is.False);
        Assert.That(actual, Is.EqualTo(error));
    }

    [Test]
    public void ReadChallenge_ForAnotherDevice_IsWrongAudience()
    {
        using var host = PushTestHost.Create();
        var (device, _) = host.Enroll();
        var (_, other) = host.Enroll();
        var challenge = host.Challenge(other);
        Assert.That(device.ReadChallenge(challenge.Targets[0].Token).Error, Is.EqualTo(PushDeviceError.WrongAudience));
    }

    [Test]
    public void ReadChallenge_SignedByAnotherServer_IsInvalidSignature()
    {
        using var host = PushTestHost.Create();
        using var impostor = PushTestHost.Create(o => o.ChallengeSigningKeyId = "srv-test");
        var (device, credential) = host.Enroll();
        var fake = impostor.Challenge(credential);
        Assert.That(device.ReadChallenge(fake.Targets[0].Token).Error, Is.EqualTo(PushDeviceError.InvalidSignature));
    }

    [Test]
    public void ReadChallenge_Expired_IsDropped()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        host.Time.Advance(host.Options.AnswerWindow + TimeSpan.FromSeconds(121));
        Assert.That(device.ReadChallenge(challenge.Targets[0].Token).Error, Is.EqualTo(PushDeviceError.Expired));
    }

    [Test]
    public void ReadChallenge_AlreadyAnswered_IsDropped()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var challenge = host.Challenge(credential);
        _ = PushTestHost.Answer(device, challenge, PushDeviceAction.Deny);
        Assert.That(device.ReadChallenge(challenge.Targets[0].Token).Error, Is.EqualTo(PushDeviceError.AlreadyAnswered));
    }

    [Test]
    public void TryAnswer_ApproveWithoutNumber_IsNumberRequired()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var read = PushTestHost.Read(device, host.Challenge(credential));
        Assert.That(device.TryAnswer(read, PushDeviceAction.Approve, null, PushDeviceDenyReason.None, out _), Is.EqualTo(PushDeviceError.NumberRequired));
    }

    [Test]
    public void TryAnswer_Approve_SignsWithTheUvKeyAndDenyWithThePossessionKey()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var first = host.Challenge(credential);
        var approve = PushTestHost.Answer(device, first, PushDeviceAction.Approve);
        var deny = PushTestHost.Answer(device, host.Challenge(credential), PushDeviceAction.Deny);
        string Kid(string token) => TestData.Str(JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]))!["kid"]);
        Assert.That(Kid(approve), Is.EqualTo(credential.CredentialId + ".uv"));
        Assert.That(Kid(deny), Is.EqualTo(credential.CredentialId));
    }

    [Test]
    public void Export_ContainsPrivateKeysButToStringDoesNot()
    {
        using var device = PushDevice.Create();
        var export = JsonNode.Parse(device.Export())!;
        Assert.That(export["possession"]!["d"], Is.Not.Null);
        Assert.That(device.ToString(), Does.Not.Contain(TestData.Str(export["possession"]!["d"])));
    }

    [Test]
    public void TryImport_Garbage_IsRefused() => Assert.That(PushDevice.TryImport("{\"v\":1,\"possession\":{\"kty\":\"EC\"}}", out _), Is.False);
}
