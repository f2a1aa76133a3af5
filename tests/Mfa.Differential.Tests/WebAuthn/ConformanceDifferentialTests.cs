using Mfa.Testing.WebAuthn;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>
/// Every WebAuthn conformance case through both Mfa.WebAuthn and Fido2 4.3.3. The SDK must match the case's expected
/// outcome; Fido2 must agree with the SDK, except for the cases listed in <see cref="ExpectedDifferences"/>, each with
/// the reason, and those must still differ (so the list stays true).
/// </summary>
[TestFixture]
public sealed class ConformanceDifferentialTests
{
    private static IEnumerable<string> RegistrationIds() => ConformanceCases.RegistrationIds();

    private static IEnumerable<string> AuthenticationIds() => ConformanceCases.AuthenticationIds();

    [TestCaseSource(nameof(RegistrationIds))]
    public async Task Registration_ConformanceCase_Fido2AgreesOrDifferenceIsDocumented(string id)
    {
        var ceremony = ConformanceCeremony.Registration(id);
        var ours = Oracles.MfaRegistration(ceremony.CreationOptionsJson, ceremony.ResponseJson, ceremony.Options, ceremony.Now);
        var theirs = await Oracles.Fido2RegistrationAsync(ceremony.CreationOptionsJson, ceremony.ResponseJson, ceremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.EqualTo(ceremony.ExpectedSuccess), $"Mfa.WebAuthn {ours}");
        AssertAgreement(id, ours, theirs);
    }

    [TestCaseSource(nameof(AuthenticationIds))]
    public async Task Assertion_ConformanceCase_Fido2AgreesOrDifferenceIsDocumented(string id)
    {
        var ceremony = ConformanceCeremony.Authentication(id);
        var ours = Oracles.MfaAssertion(ceremony.RequestOptionsJson!, ceremony.ResponseJson, ceremony.StoredCredential!, ceremony.Options);
        var theirs = await Oracles.Fido2AssertionAsync(ceremony.RequestOptionsJson!, ceremony.ResponseJson, ceremony.StoredPublicKey!, ceremony.StoredSignCount, ceremony.RelyingParty);

        Assert.That(ours.Succeeded, Is.EqualTo(ceremony.ExpectedSuccess), $"Mfa.WebAuthn {ours}");
        AssertAgreement(id, ours, theirs);
    }

    private static void AssertAgreement(string id, Verdict ours, Verdict theirs)
    {
        if (ExpectedDifferences.Conformance.TryGetValue(id, out var reason))
        {
            Assert.That(theirs.Succeeded, Is.Not.EqualTo(ours.Succeeded), $"documented difference no longer differs ({reason}); Fido2 {theirs}");
            return;
        }

        Assert.That(theirs.Succeeded, Is.EqualTo(ours.Succeeded), $"Mfa.WebAuthn {ours}; Fido2 {theirs}");
        if (ours.Succeeded)
        {
            Assert.That(theirs.SignCount, Is.EqualTo(ours.SignCount));
            if (ours.PublicKey is not null)
            {
                Assert.That(theirs.PublicKey, Is.EqualTo(ours.PublicKey));
                Assert.That(theirs.CredentialId, Is.EqualTo(ours.CredentialId));
            }
        }
    }
}
