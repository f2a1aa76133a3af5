namespace Mfa.Duo.Emulator;

/// <summary>A request the emulator received (for assertions in tests).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="StatusCode">The status the emulator answered.</param>
public sealed record DuoEmulatorRequest(string Method, string Path, int StatusCode);
