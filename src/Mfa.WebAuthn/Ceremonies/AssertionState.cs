namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The state of a begun authentication, kept by the challenge store (never sent to the client).</summary>
internal sealed class AssertionState
{
    public int V { get; init; } = 1;

    /// <summary>The user the ceremony was begun for; <see langword="null"/> for a passkey sign-in without a username.</summary>
    public string? UserId { get; init; }

    /// <summary>The challenge, base64url.</summary>
    public required string Challenge { get; init; }

    /// <summary>The credential ids sent in <c>allowCredentials</c>, base64url; empty for a discoverable-credential sign-in.</summary>
    public required IReadOnlyList<string> AllowCredentials { get; init; }

    /// <summary>Whether the UV flag must be set.</summary>
    public bool RequireUserVerification { get; init; }

    /// <summary>The AppID sent in the <c>appid</c> extension (legacy U2F keys), if any.</summary>
    public string? AppId { get; init; }
}
