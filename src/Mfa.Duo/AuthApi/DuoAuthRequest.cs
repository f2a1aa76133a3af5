namespace Mfa.Duo.AuthApi;

/// <summary>The parameters of <c>/auth/v2/auth</c> (spec §3.1).</summary>
public sealed class DuoAuthRequest
{
    /// <summary>The Duo username.</summary>
    public required string Username { get; init; }

    /// <summary>The factor; refused locally unless <see cref="DuoOptions.AllowedAuthOptions"/> allows it.</summary>
    public required DuoAuthFactor Factor { get; init; }

    /// <summary>The device id from preauth, or <c>auto</c> (push, phone and auto).</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The passcode (passcode factor only).</summary>
    public string? Passcode { get; init; }

    /// <summary>Whether Duo answers at once with a <c>txid</c> to poll with <c>auth_status</c> (recommended for push and phone).</summary>
    public bool Async { get; init; }

    /// <summary>The user's IP address, when known.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Push only: the text Duo Mobile shows next to the application name, e.g. "Login request".</summary>
    public string? PushType { get; init; }

    /// <summary>Push only: the name Duo Mobile shows instead of the username.</summary>
    public string? DisplayUsername { get; init; }

    /// <summary>Push only: extra context as URL-encoded <c>k=v&amp;k2=v2</c> text (under 20,000 bytes).</summary>
    public string? PushInfo { get; init; }

    /// <summary>Verified push: the <c>txid</c> preauth returned.</summary>
    public string? PreauthTransactionId { get; init; }
}
