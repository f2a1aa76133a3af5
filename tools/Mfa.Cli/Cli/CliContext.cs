namespace Mfa.Cli.Cli;

/// <summary>What a command reads and writes: its arguments and the process's streams.</summary>
internal sealed record CliContext(CliArguments Arguments, TextWriter Out, TextWriter Error, TextReader In);
