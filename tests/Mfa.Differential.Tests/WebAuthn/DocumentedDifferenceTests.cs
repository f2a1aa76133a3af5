using Mfa.Core;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>Pins each documented difference between Mfa.WebAuthn and Fido2 4.3.3 (and one the issue expected that is not one).</summary>
[TestFixture]
public sealed class DocumentedDifferenceTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Ed448Registration_SdkAcceptsFido2Refuses()
    {
        using var key = SoftwareKey.CreateEd448();
        using var attestation = new AttestationKeys();
        var ceremony = GeneratedCeremony.Registration(0, new Random(448), key, attestation, "none");

        var ours = Oracles.MfaRegistration(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.Options, s_now);
        var theirs = await Oracles.Fido2RegistrationAsync(ceremony.OptionsJson, ceremony.ResponseJson, GeneratedCeremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.True, ours.Detail);
        Assert.That(theirs.Succeeded, Is.False);
        Assert.That(GeneratedDifferences.Explain(ceremony, ours, theirs), Is.EqualTo(GeneratedDifferences.Ed448));
    }

    [Test]
    public async Task Ed448Assertion_SdkAcceptsFido2Refuses()
    {
        using var key = SoftwareKey.CreateEd448();
        var ceremony = GeneratedCeremony.Assertion(0, new Random(448), key, "none");

        var ours = Oracles.MfaAssertion(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.StoredCredential, ceremony.Options);
        var theirs = await Oracles.Fido2AssertionAsync(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.CoseKey, ceremony.StoredCounter, GeneratedCeremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.True, ours.Detail);
        Assert.That(theirs.Succeeded, Is.False);
        Assert.That(GeneratedDifferences.Explain(ceremony, ours, theirs), Is.EqualTo(GeneratedDifferences.Ed448));
    }

    [Test]
    public async Task BackupEligibilityChanged_SdkRefusesFido2Accepts()
    {
        using var key = new SoftwareKey(-7);
        var ceremony = GeneratedCeremony.Assertion(0, new Random(19), key, "be-changed");

        var ours = Oracles.MfaAssertion(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.StoredCredential, ceremony.Options);
        var theirs = await Oracles.Fido2AssertionAsync(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.CoseKey, ceremony.StoredCounter, GeneratedCeremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.False);
        Assert.That(theirs.Succeeded, Is.True, theirs.Detail);
        Assert.That(GeneratedDifferences.Explain(ceremony, ours, theirs), Is.EqualTo(GeneratedDifferences.BackupEligibilityChanged));
    }

    [Test]
    public async Task CounterZeroAfterNonZero_BothRefuse()
    {
        // Issue #14 expected Fido2 to accept a reported counter of 0 after a non-zero one; Fido2 4.3.3 refuses it too
        // ("SignCount must be greater than stored"), so it is not a difference. The SDK reports CounterRollback.
        using var key = new SoftwareKey(-7);
        var ceremony = GeneratedCeremony.Assertion(0, new Random(0), key, "counter-zero");
        Assert.That(ceremony.Counter, Is.Zero);
        Assert.That(ceremony.StoredCounter, Is.GreaterThan(0u));

        var ours = Oracles.MfaAssertion(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.StoredCredential, ceremony.Options);
        var theirs = await Oracles.Fido2AssertionAsync(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.CoseKey, ceremony.StoredCounter, GeneratedCeremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.False);
        Assert.That(ours.Detail, Does.StartWith(nameof(MfaFailureReason.CounterRollback)));
        Assert.That(theirs.Succeeded, Is.False);
    }
}
