namespace Mfa.Duo;

/// <summary>How a Duo challenge runs: the Universal Prompt redirect, or one of the Auth API options in the host's own UI.</summary>
public enum DuoChallengeMode
{
    /// <summary>Redirect the browser to Duo's Universal Prompt (OIDC); the callback completes the challenge.</summary>
    UniversalPrompt = 0,

    /// <summary>Auth API: a Duo Push to the user's phone; the page polls until the user answers.</summary>
    Push = 1,

    /// <summary>Auth API: a phone call back; the page polls until the user answers.</summary>
    Phone = 2,

    /// <summary>Auth API: the user types a passcode (Duo Mobile, hardware token, SMS, bypass code); checked at completion.</summary>
    Passcode = 3,
}
