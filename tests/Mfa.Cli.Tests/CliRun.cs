using System.Text.Json.Nodes;
using Mfa.Cli.Cli;

namespace Mfa.Cli.Tests;

/// <summary>Runs the tool in-process and captures its output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidDataException("no JSON");

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TextReader.Null);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
