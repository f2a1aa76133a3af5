using System.Text.RegularExpressions;

namespace Mfa.AspNetCore.Tests;

/// <summary>
/// The quick start in README.md and docs/aspnetcore.md is samples/Mfa.QuickStart/Program.cs verbatim, and that file builds
/// with the solution: the documented code cannot drift from code that compiles.
/// </summary>
[TestFixture]
public sealed partial class QuickStartTests
{
    private const string Marker = "<!-- quick-start: samples/Mfa.QuickStart/Program.cs -->";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mfa.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        Assert.Fail("Mfa.Sdk.sln not found above the test directory.");
        return string.Empty;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeBlock();

    [TestCase("README.md")]
    [TestCase("docs/aspnetcore.md")]
    public void QuickStart_DocumentBlock_EqualsTheCompiledSample(string document)
    {
        var root = RepositoryRoot();
        var text = Normalize(File.ReadAllText(Path.Combine(root, document)));
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"{document} marks its quick start with {Marker}");
        var block = CodeBlock().Match(text, at);
        Assert.That(block.Success, Is.True);

        var program = Normalize(File.ReadAllText(Path.Combine(root, "samples", "Mfa.QuickStart", "Program.cs")));

        Assert.That(Normalize(block.Groups["code"].Value), Is.EqualTo(program));
    }

    [Test]
    public void QuickStart_Program_UnderThirtyLinesOfHostCode()
    {
        var program = File.ReadAllLines(Path.Combine(RepositoryRoot(), "samples", "Mfa.QuickStart", "Program.cs"));

        var hostCode = program.Count(line => line.Trim().Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal));

        Assert.That(hostCode, Is.LessThan(30));
    }
}
