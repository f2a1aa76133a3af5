namespace Mfa.Duo.Emulator.Scripting;

/// <summary>A scripted Duo user. Change its members at any time to script the next answers.</summary>
public sealed class DuoEmulatorUser
{
    private readonly HashSet<string> _passcodes = new(StringComparer.Ordinal);

    /// <summary>Creates a user with one phone that can do everything.</summary>
    /// <param name="username">The username (compared ignoring case); the id_token carries it lower-cased.</param>
    public DuoEmulatorUser(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Username = username;
    }

    /// <summary>The username.</summary>
    public string Username { get; }

    /// <summary>Other names that log the same user in.</summary>
    public IList<string> Aliases { get; } = [];

    /// <summary>The user's status. Default <see cref="DuoEmulatorUserState.Active"/>.</summary>
    public DuoEmulatorUserState State { get; set; }

    /// <summary>How the user answers a push, a phone call, auto, or the hosted prompt. Default approve.</summary>
    public DuoEmulatorOutcome Outcome { get; set; }

    /// <summary>How many auth_status polls answer <c>waiting</c> before the outcome. Default 1.</summary>
    public int WaitingPolls { get; set; } = 1;

    /// <summary>Duo is "down" for this user only: preauth, auth, auth_status and authorize answer 503.</summary>
    public bool ServerError { get; set; }

    /// <summary>The user's devices. Default: one phone with every capability.</summary>
    public IList<DuoEmulatorDevice> Devices { get; } = [DuoEmulatorDevice.Phone()];

    /// <summary>Adds a valid single-use passcode.</summary>
    /// <param name="passcode">The passcode.</param>
    /// <returns>This user.</returns>
    public DuoEmulatorUser WithPasscode(string passcode)
    {
        lock (_passcodes)
        {
            _passcodes.Add(passcode);
        }

        return this;
    }

    /// <summary>Whether <paramref name="name"/> is this user's name or an alias (ignoring case).</summary>
    internal bool IsNamed(string name) =>
        string.Equals(Username, name, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Consumes a passcode: true once per valid passcode.</summary>
    internal bool TryConsumePasscode(string passcode)
    {
        lock (_passcodes)
        {
            return _passcodes.Remove(passcode);
        }
    }
}
