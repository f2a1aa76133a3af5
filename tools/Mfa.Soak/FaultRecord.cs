namespace Mfa.Soak;

/// <summary>One line of the fault injector's log: a round of backend kills, or a server restart.</summary>
internal sealed record FaultRecord
{
    /// <summary><c>kill</c> or <c>restart</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>When the fault began (UTC unix milliseconds).</summary>
    public long Start { get; init; }

    /// <summary>When the fault was over: the kills were sent, or the restarted server accepted connections again.</summary>
    public long End { get; init; }

    /// <summary>How many backends were terminated.</summary>
    public int Terminated { get; init; }

    /// <summary>Why a fault could not be injected, if it could not.</summary>
    public string? Error { get; init; }
}
