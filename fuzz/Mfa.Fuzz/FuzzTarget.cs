namespace Mfa.Fuzz;

/// <summary>
/// One parser a client or a remote server feeds. <see cref="Run"/> calls the parser's entry point with arbitrary bytes
/// and checks only typed outcomes: the entry points return results, so any exception that escapes is a finding.
/// </summary>
/// <param name="Name">The name <c>fuzz/run.sh</c> and <c>fuzz/smoke.sh</c> take.</param>
/// <param name="Assemblies">The assemblies to instrument for coverage (file names in the build output).</param>
/// <param name="Run">Runs one input.</param>
internal sealed record FuzzTarget(string Name, string[] Assemblies, Action<byte[]> Run);
