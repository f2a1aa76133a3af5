namespace Mfa.Soak;

/// <summary>
/// One line of an instance's JSONL log: an operation and its outcome. Times are UTC unix milliseconds of one machine's
/// clock (both instances run on it, so the checker may order them). The soak's own test secrets and codes are logged on
/// purpose: the other instance replays them.
/// </summary>
internal sealed record OperationRecord
{
    /// <summary>When the operation started.</summary>
    public long Start { get; init; }

    /// <summary>When its outcome was known.</summary>
    public long End { get; init; }

    /// <summary>The instance that ran it (<c>a</c> or <c>b</c>).</summary>
    public string Instance { get; init; } = "";

    /// <summary>What it was: see <see cref="Operations"/>.</summary>
    public string Op { get; init; } = "";

    public string User { get; init; } = "";

    /// <summary>The authenticator the SDK named (enrolled or verified), when it named one.</summary>
    public string? Authenticator { get; init; }

    /// <summary>The enrollment id of an enrollment.</summary>
    public string? Enrollment { get; init; }

    /// <summary>The WebAuthn credential id (base64url).</summary>
    public string? Credential { get; init; }

    /// <summary>The TOTP time step the code was computed for.</summary>
    public long? Step { get; init; }

    public string? Code { get; init; }

    /// <summary>The WebAuthn signature counter the assertion reported.</summary>
    public uint? Counter { get; init; }

    public string? Challenge { get; init; }

    /// <summary>The WebAuthn assertion JSON, for the other instance to replay.</summary>
    public string? Assertion { get; init; }

    public bool Ok { get; init; }

    /// <summary>The <c>MfaFailureReason</c> name (<c>None</c> on success).</summary>
    public string Reason { get; init; } = "None";

    /// <summary>The type and message of an exception that escaped the SDK (a violation).</summary>
    public string? Exception { get; init; }

    /// <summary>An attack (replay, stale counter): it must not succeed.</summary>
    public bool Attack { get; init; }

    /// <summary>One of two callers racing with the same code or credential: at most the rules allow may succeed.</summary>
    public bool Race { get; init; }

    /// <summary>A repeat of an operation whose first outcome was a store fault.</summary>
    public bool Retry { get; init; }
}
