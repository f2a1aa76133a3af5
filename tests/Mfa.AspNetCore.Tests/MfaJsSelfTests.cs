using System.Diagnostics;

namespace Mfa.AspNetCore.Tests;

/// <summary>
/// Runs mfa.test.html's assertions under Node.js (a DOM-less shim: the page only needs document.getElementById, fetch and
/// Response), so the JavaScript client is checked in every test run; the browser run is the end-to-end suite's.
/// Skipped where no <c>node</c> is installed.
/// </summary>
[TestFixture]
public sealed class MfaJsSelfTests
{
    private const string Shim = """
        globalThis.window = globalThis;
        const el = { textContent: "" };
        globalThis.document = { getElementById: () => el, body: { dataset: {} } };

        """;

    [Test]
    public async Task SelfTest_UnderNode_AllAssertionsPass()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mfa.Sdk.sln")))
        {
            root = root.Parent;
        }

        Assert.That(root, Is.Not.Null);
        var wwwroot = Path.Combine(root!.FullName, "src", "Mfa.AspNetCore", "wwwroot");
        var page = await File.ReadAllTextAsync(Path.Combine(wwwroot, "mfa.test.html"));
        const string Open = "<script type=\"module\">";
        var start = page.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var script = page[start..page.IndexOf("</script>", start, StringComparison.Ordinal)];
        var work = Directory.CreateTempSubdirectory("mfajs");
        try
        {
            File.Copy(Path.Combine(wwwroot, "mfa.js"), Path.Combine(work.FullName, "mfa.js"));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "test.mjs"), Shim + script + "\nconsole.log(JSON.stringify(window.mfaTestResult));\n");
            var startInfo = new ProcessStartInfo("node", "test.mjs") { WorkingDirectory = work.FullName, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            Process? node;
            try
            {
                node = Process.Start(startInfo);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Ignore("node is not installed");
                return;
            }

            using (node)
            {
                var output = await node!.StandardOutput.ReadToEndAsync();
                var error = await node.StandardError.ReadToEndAsync();
                await node.WaitForExitAsync();
                var result = System.Text.Json.Nodes.JsonNode.Parse(output.Trim().Split('\n')[^1])!;
                Assert.That(result["failed"]!.GetValue<int>(), Is.Zero, output + error);
                Assert.That(result["passed"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(25));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
