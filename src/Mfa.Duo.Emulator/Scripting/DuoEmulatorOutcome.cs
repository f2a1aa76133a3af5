namespace Mfa.Duo.Emulator.Scripting;

/// <summary>How a scripted user answers a push, a phone call or the hosted prompt.</summary>
public enum DuoEmulatorOutcome
{
    /// <summary>Approves.</summary>
    Approve = 0,

    /// <summary>Denies.</summary>
    Deny = 1,

    /// <summary>Never answers: Duo reports <c>deny</c>/<c>timeout</c>.</summary>
    Timeout = 2,
}
