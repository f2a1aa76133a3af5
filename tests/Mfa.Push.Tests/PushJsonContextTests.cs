using System.Text.Json;
using Mfa.Push.Device;

namespace Mfa.Push.Tests;

/// <summary>What the factor persists survives a JSON round trip.</summary>
[TestFixture]
public sealed class PushJsonContextTests
{
    [Test]
    public void Serialize_DeviceChallengeAndAnswer_RoundTrip()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var state = host.Challenge(credential);
        var token = PushTestHost.Answer(device, state, PushDeviceAction.Approve);
        var answer = host.Verify(token, state, credential).Answer!;

        var credentialCopy = JsonSerializer.Deserialize(JsonSerializer.Serialize(credential, PushJsonContext.Default.PushDeviceCredential), PushJsonContext.Default.PushDeviceCredential)!;
        var stateCopy = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, PushJsonContext.Default.PushChallengeState), PushJsonContext.Default.PushChallengeState)!;
        var answerCopy = JsonSerializer.Deserialize(JsonSerializer.Serialize(answer, PushJsonContext.Default.PushAnswer), PushJsonContext.Default.PushAnswer)!;

        Assert.That(credentialCopy.PossessionKey, Is.EqualTo(credential.PossessionKey));
        Assert.That(credentialCopy.UvKey, Is.EqualTo(credential.UvKey));
        Assert.That(credentialCopy.Address, Is.EqualTo(credential.Address));
        Assert.That(stateCopy.Targets[0], Is.EqualTo(state.Targets[0]));
        Assert.That(answerCopy, Is.EqualTo(answer));

        // The copies work: the same answer verifies against the restored state as an idempotent repeat.
        Assert.That(host.Responses.Verify(token, stateCopy, [credentialCopy], answerCopy).IsRepeat, Is.True);
    }

    [Test]
    public void Deserialize_OffCurveKey_Throws()
    {
        const string Json = "{\"CredentialId\":\"c\",\"UserHandle\":\"u\",\"PossessionKey\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y\",\"y\":\"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpg\"}}";
        Assert.That(() => JsonSerializer.Deserialize(Json, PushJsonContext.Default.PushDeviceCredential), Throws.InstanceOf<JsonException>());
    }
}
