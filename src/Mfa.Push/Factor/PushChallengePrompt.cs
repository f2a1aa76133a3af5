using Mfa.Core.Factors;

namespace Mfa.Push.Factor;

/// <summary>What the sign-in page shows while the phone is asked: the number to type on the phone, then it polls.</summary>
public sealed class PushChallengePrompt : ChallengePrompt
{
    internal PushChallengePrompt(string? displayNumber, DateTimeOffset expiresAt, int notified, IReadOnlyList<string> unreachable)
    {
        DisplayNumber = displayNumber;
        ExpiresAt = expiresAt;
        DevicesNotified = notified;
        UnreachableAuthenticators = unreachable;
    }

    /// <summary>The number to show large on the page (number matching), or <see langword="null"/> when matching is off.</summary>
    public string? DisplayNumber { get; }

    /// <summary>When the phone stops accepting an answer.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>How many notifications a push service accepted (0 is not a failure: the phone can pull).</summary>
    public int DevicesNotified { get; }

    /// <summary>Authenticator ids whose push address the push service reported gone (unregistered): re-enroll or reopen the app.</summary>
    public IReadOnlyList<string> UnreachableAuthenticators { get; }

    /// <inheritdoc />
    public override string ToString() => $"PushChallengePrompt {{ ExpiresAt = {ExpiresAt:O}, DevicesNotified = {DevicesNotified} }}";
}
