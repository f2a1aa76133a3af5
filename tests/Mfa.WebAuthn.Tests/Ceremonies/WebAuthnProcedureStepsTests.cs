using System.Text.RegularExpressions;

namespace Mfa.WebAuthn.Tests.Ceremonies;

/// <summary>
/// docs/webauthn-procedures.md lists the steps of WebAuthn L3 §7.1 and §7.2; each procedure file must carry every one of
/// them as a step comment (<c>// N.</c>), top to bottom, and no other. A cheap guard against the code and the document
/// drifting apart when either is renumbered. Reads both from the repository root.
/// </summary>
[TestFixture]
public sealed partial class WebAuthnProcedureStepsTests
{
    private const string Document = "docs/webauthn-procedures.md";

    [TestCase("§7.1", "src/Mfa.WebAuthn/Ceremonies/RegistrationProcedure.cs")]
    [TestCase("§7.2", "src/Mfa.WebAuthn/Ceremonies/AssertionProcedure.cs")]
    public void ProcedureFile_DocumentedSteps_AreStepCommentsInOrder(string section, string procedure)
    {
        var documented = DocumentedSteps(section);
        // A step may span branches (§7.2 step 6): its first comment places it.
        var commented = StepComments(File.ReadAllText(Path.Combine(RepositoryRoot(), procedure))).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(documented, Is.EqualTo(Enumerable.Range(1, documented.Count)), $"{Document} {section}: the steps are numbered 1..n");
            Assert.That(documented, Is.SubsetOf(commented), $"{procedure}: a documented step has no step comment");
            Assert.That(commented, Is.SubsetOf(documented), $"{procedure}: a step comment names a step {Document} does not list");
            Assert.That(commented, Is.Ordered, $"{procedure}: the steps are not top to bottom");
        });
    }

    [Test]
    public void StepComments_CommentedStepNumbers_AreRead()
    {
        const string Source = """
            // 5. Let JSONtext be …
            //    continued, not a step: 6.
            var x = 1; // 7. trailing comments are not steps
                // 12. indented steps are
            //     Step 28's policy, mentioned in prose, is not a step comment.
            """;

        Assert.That(StepComments(Source), Is.EqualTo(new[] { 5, 12 }));
    }

    private static List<int> DocumentedSteps(string section)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), Document));
        var start = Array.FindIndex(lines, l => l.StartsWith($"## {section} ", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"{Document} has no '## {section}' heading");
        return [.. lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => TableStep().Match(l))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["step"].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static List<int> StepComments(string source) =>
        [.. StepComment().Matches(source).Select(m => int.Parse(m.Groups["step"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mfa.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Mfa.Sdk.sln not found above the test directory.");
    }

    [GeneratedRegex(@"^\| (?<step>\d+) \|", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TableStep();

    [GeneratedRegex(@"^[ \t]*// (?<step>\d+)\. ", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StepComment();
}
