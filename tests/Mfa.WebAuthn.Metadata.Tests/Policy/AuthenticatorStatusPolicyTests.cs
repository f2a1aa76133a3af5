using System.Text.Json.Nodes;
using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Entries;
using Mfa.WebAuthn.Metadata.Policy;

namespace Mfa.WebAuthn.Metadata.Tests.Policy;

[TestFixture]
public sealed class AuthenticatorStatusPolicyTests
{
    private static MetadataEntry Entry(params string[] statuses)
    {
        using var pki = new TestMdsPki();
        var entry = TestMdsPki.Entry(Guid.NewGuid(), "Model", statuses[0]);
        var reports = (JsonArray)entry["statusReports"]!;
        foreach (var status in statuses.Skip(1))
        {
            reports.Add(new JsonObject { ["status"] = status, ["effectiveDate"] = "2024-07-01" });
        }

        var result = MetadataBlobVerifier.Verify(pki.Sign(TestMdsPki.Payload(1, "2025-02-01", entry)), pki.Settings(crls: [], requireRevocation: false));
        return result.Blob!.Entries[0];
    }

    [TestCase("REVOKED")]
    [TestCase("USER_VERIFICATION_BYPASS")]
    [TestCase("ATTESTATION_KEY_COMPROMISE")]
    [TestCase("USER_KEY_REMOTE_COMPROMISE")]
    [TestCase("USER_KEY_PHYSICAL_COMPROMISE")]
    public void GetRefusedStatus_DefaultPolicyAndRefusedStatus_NamesIt(string status)
    {
        Assert.That(new AuthenticatorStatusPolicy().GetRefusedStatus(Entry("FIDO_CERTIFIED_L1", status)), Is.EqualTo(status));
    }

    [TestCase("FIDO_CERTIFIED")]
    [TestCase("NOT_FIDO_CERTIFIED")]
    [TestCase("UPDATE_AVAILABLE")]
    [TestCase("SELF_ASSERTION_SUBMITTED")]
    [TestCase("SOME_FUTURE_STATUS")]
    public void GetRefusedStatus_DefaultPolicyAndAcceptableStatus_IsNull(string status)
    {
        Assert.That(new AuthenticatorStatusPolicy().GetRefusedStatus(Entry(status)), Is.Null);
    }

    [Test]
    public void GetRefusedStatus_CompromiseThenCertified_StillRefused()
    {
        Assert.That(new AuthenticatorStatusPolicy().GetRefusedStatus(Entry("USER_VERIFICATION_BYPASS", "FIDO_CERTIFIED_L2")), Is.EqualTo("USER_VERIFICATION_BYPASS"));
    }

    [Test]
    public void GetRefusedStatus_RequireCertifiedAndNotCertified_RefusesAsNotFidoCertified()
    {
        var policy = new AuthenticatorStatusPolicy { RequireFidoCertified = true };

        Assert.That((policy.GetRefusedStatus(Entry("NOT_FIDO_CERTIFIED")), policy.GetRefusedStatus(Entry("FIDO_CERTIFIED"))), Is.EqualTo(("NOT_FIDO_CERTIFIED", (string?)null)));
    }

    [Test]
    public void GetRefusedStatus_MinimumLevelL2_RefusesL1AcceptsL2AndL3()
    {
        var policy = new AuthenticatorStatusPolicy { MinimumCertificationLevel = AuthenticatorStatus.FidoCertifiedL2 };

        Assert.That(
            new[] { policy.GetRefusedStatus(Entry("FIDO_CERTIFIED_L1")), policy.GetRefusedStatus(Entry("FIDO_CERTIFIED_L2")), policy.GetRefusedStatus(Entry("FIDO_CERTIFIED_L3plus")) },
            Is.EqualTo(new[] { "FIDO_CERTIFIED_L1", null, null }));
    }

    [Test]
    public void GetRefusedStatus_EmptyRefusedSet_AcceptsRevoked()
    {
        Assert.That(new AuthenticatorStatusPolicy { RefusedStatuses = [] }.GetRefusedStatus(Entry("REVOKED")), Is.Null);
    }

    [Test]
    public void GetRefusedStatus_ConformanceBlobEntries_RefusesEachCompromiseStatus()
    {
        // conf-good lists models with USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE, USER_KEY_*_COMPROMISE.
        using var anchor = MdsTestData.Certificate(MdsTestData.ConformanceRoot);
        var blob = MetadataBlobVerifier.Verify(MdsTestData.Bytes(MdsTestData.ConformanceGood), new MetadataBlobVerificationSettings
        {
            TrustAnchors = [anchor],
            RevocationLists = MdsTestData.Crls(MdsTestData.ConformanceCrls),
            VerificationTime = MdsTestData.AtConformance,
        }).Blob!;

        var refused = blob.Entries.Select(new AuthenticatorStatusPolicy().GetRefusedStatus).OfType<string>().ToHashSet();

        Assert.That(refused, Is.SupersetOf(new[] { "USER_VERIFICATION_BYPASS", "ATTESTATION_KEY_COMPROMISE", "USER_KEY_REMOTE_COMPROMISE", "USER_KEY_PHYSICAL_COMPROMISE" }));
    }
}
