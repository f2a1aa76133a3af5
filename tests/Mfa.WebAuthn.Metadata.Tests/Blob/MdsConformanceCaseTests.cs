using System.Text.Json.Nodes;
using Mfa.Core;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.WebAuthn.Metadata.Tests.Blob;

/// <summary>Every case of TestData/mds/cases.json, with its expected outcome and error.</summary>
[TestFixture]
public sealed class MdsConformanceCaseTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        MdsTestData.Cases().Select(c => new TestCaseData((string)c!["id"]!).SetName("Verify_Case_" + (string)c["id"]!));

    [Test]
    public void Cases_File_HasSeventeenCases() => Assert.That(MdsTestData.Cases(), Has.Count.EqualTo(17));

    [TestCaseSource(nameof(Cases))]
    public void Verify_ConformanceCase_MatchesExpectedOutcome(string id)
    {
        var testCase = MdsTestData.Cases().Single(c => (string)c!["id"]! == id)!;
        using var anchor = MdsTestData.Certificate((string)testCase["trustAnchor"]!);
        var crls = MdsTestData.Crls(((JsonArray)testCase["crls"]!).Select(n => (string)n!));
        var steps = testCase["sequence"] is JsonArray sequence
            ? sequence.Select(s => ((string)s!["blob"]!, (string)s["verifyAt"]!, s["expected"]!)).ToList()
            : [((string)testCase["blob"]!, (string)testCase["verifyAt"]!, testCase["expected"]!)];

        long? previous = null;
        foreach (var (blob, verifyAt, expected) in steps)
        {
            var result = MetadataBlobVerifier.Verify(MdsTestData.Bytes(blob), new MetadataBlobVerificationSettings
            {
                TrustAnchors = [anchor],
                RevocationLists = crls,
                RequireRevocationCheck = (bool)testCase["requireRevocationCheck"]!,
                VerificationTime = MdsTestData.Time(verifyAt),
                PreviousNumber = previous,
            });

            if ((string)expected["outcome"]! == "success")
            {
                Assert.That(result.Error, Is.EqualTo(MetadataBlobError.None), $"{blob}: {result.Message}");
                previous = result.Blob!.Number;
            }
            else
            {
                var acceptable = new[] { (string)expected["error"]! }
                    .Concat(expected["acceptableErrors"] is JsonArray others ? others.Select(o => (string)o!) : [])
                    .Select(ErrorOf)
                    .ToList();
                Assert.That(acceptable, Does.Contain(result.Error), $"{blob}: {result.Message}");
                Assert.That(result.FailureReason, Is.EqualTo(MfaFailureReason.MetadataInvalid));
            }
        }
    }

    /// <summary>cases.json's error vocabulary (<c>bad_signature</c>) to the enum (<c>BadSignature</c>).</summary>
    private static MetadataBlobError ErrorOf(string code) =>
        Enum.Parse<MetadataBlobError>(code.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
