using Mfa.Push.Challenges;

namespace Mfa.Push.Tests.Challenges;

/// <summary>Push spec §4.7–§4.8: fetch and pull authenticated with the device's possession key.</summary>
[TestFixture]
public sealed class PushRequestProofVerifierTests
{
    [Test]
    public void Verify_DeviceProofForPull_Accepts()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var url = device.ChallengesEndpoint!;
        var proof = device.CreateProof("GET", url);
        Assert.That(PushRequestProofVerifier.TryReadCredentialId(proof, out var id), Is.True);
        Assert.That(id, Is.EqualTo(credential.CredentialId));
        var result = host.Proofs.Verify(proof, "GET", url, credential);
        Assert.That(result.Succeeded, Is.True, result.Message);
        Assert.That(result.ReplayKeepUntil, Is.EqualTo(host.Time.GetUtcNow().AddMinutes(5)));
    }

    [Test]
    public void Verify_QueryString_IsIgnored()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var url = device.ChallengeUri("abc");
        var proof = device.CreateProof("GET", url);
        Assert.That(host.Proofs.Verify(proof, "GET", new Uri(url + "?x=1"), credential).Succeeded, Is.True);
    }

    [Test]
    public void Verify_OtherMethod_IsProofMismatch()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var proof = device.CreateProof("GET", device.ChallengesEndpoint!);
        Assert.That(host.Proofs.Verify(proof, "POST", device.ChallengesEndpoint!, credential).Error, Is.EqualTo(PushProtocolError.ProofMismatch));
    }

    [Test]
    public void Verify_OtherChallengeUrl_IsProofMismatch()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var proof = device.CreateProof("GET", device.ChallengeUri("one"));
        Assert.That(host.Proofs.Verify(proof, "GET", device.ChallengeUri("two"), credential).Error, Is.EqualTo(PushProtocolError.ProofMismatch));
    }

    [Test]
    public void Verify_ProofOlderThan60Seconds_IsStale()
    {
        using var host = PushTestHost.Create();
        var (device, credential) = host.Enroll();
        var proof = device.CreateProof("GET", device.ChallengesEndpoint!);
        host.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(host.Proofs.Verify(proof, "GET", device.ChallengesEndpoint!, credential).Error, Is.EqualTo(PushProtocolError.StaleResponse));
    }

    [Test]
    public void Verify_AnotherDevicesProof_IsRefused()
    {
        using var host = PushTestHost.Create();
        var (device, _) = host.Enroll();
        var (_, other) = host.Enroll();
        var proof = device.CreateProof("GET", device.ChallengesEndpoint!);
        Assert.That(host.Proofs.Verify(proof, "GET", device.ChallengesEndpoint!, other).Error, Is.EqualTo(PushProtocolError.UnknownCredential));
        Assert.That(host.Proofs.Verify(proof, "GET", device.ChallengesEndpoint!, other with { CredentialId = device.CredentialId! }).Error, Is.EqualTo(PushProtocolError.InvalidSignature));
    }

    [Test]
    public void Verify_ResponseTokenAsProof_IsWrongTyp()
    {
        using var host = PushTestHost.Create();
        var (_, credential) = host.Enroll();
        var token = TestData.Str(TestData.Example["responses"]!["cases"]![5]!["token"]);
        Assert.That(host.Proofs.Verify(token, "GET", new Uri("https://login.example.com/mfa/push/v1/challenges"), credential).Error, Is.EqualTo(PushProtocolError.WrongTyp));
    }
}
