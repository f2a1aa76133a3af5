namespace Mfa.Core.Factors;

/// <summary>
/// What a factor sends the client when a challenge begins (safe to show; never server-only state). Factors with more to
/// show derive from it (WebAuthn request options, a push number to match, a Duo redirect).
/// </summary>
public class ChallengePrompt
{
    /// <summary>A prompt with nothing to show (a code factor: the user types the code).</summary>
    public static ChallengePrompt None { get; } = new();

    /// <summary>Out-of-band factors: how often the page should poll for the outcome; <see langword="null"/> otherwise.</summary>
    public TimeSpan? PollInterval { get; init; }
}
