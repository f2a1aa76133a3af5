namespace Mfa.Duo.Emulator.Scripting;

/// <summary>Failure injection for the whole emulator ("Duo down").</summary>
public enum DuoEmulatorOutage
{
    /// <summary>Working.</summary>
    None = 0,

    /// <summary>Every endpoint answers 503.</summary>
    ServerError = 1,

    /// <summary>Every endpoint holds the request without answering (the client times out).</summary>
    Hang = 2,

    /// <summary>Every endpoint answers 429 with <c>Retry-After: 0</c>.</summary>
    RateLimited = 3,
}
