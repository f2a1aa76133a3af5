using Mfa.Core.Factors;

namespace Mfa.Duo;

/// <summary>
/// What the host does next. Universal Prompt: send the browser to <see cref="AuthorizationUrl"/> (top-level navigation) and
/// complete with a <see cref="DuoCallbackResponse"/>. Push or phone: poll with a <see cref="DuoPollResponse"/>. Passcode: ask
/// for the passcode and complete with a <see cref="DuoPasscodeResponse"/>. When <see cref="DuoBypassed"/> is true Duo was not
/// reached and the failmode is open: complete with a <see cref="DuoPollResponse"/> to get the (marked) bypass result.
/// </summary>
public sealed class DuoChallengePrompt : ChallengePrompt
{
    internal DuoChallengePrompt(DuoChallengeMode mode, Uri? authorizationUrl, bool duoBypassed, DuoAuthOptions allowedOptions)
    {
        Mode = mode;
        AuthorizationUrl = authorizationUrl;
        DuoBypassed = duoBypassed;
        AllowedOptions = allowedOptions;
    }

    /// <summary>The flow of this challenge.</summary>
    public DuoChallengeMode Mode { get; }

    /// <summary>Universal Prompt: where to send the browser; null in the Auth API modes and when Duo was bypassed.</summary>
    public Uri? AuthorizationUrl { get; }

    /// <summary>Duo was unreachable and the failmode is open: no Duo check happens; the result will say so.</summary>
    public bool DuoBypassed { get; }

    /// <summary>The Auth API options the administrator allowed (what the host's UI may offer).</summary>
    public DuoAuthOptions AllowedOptions { get; }

    /// <inheritdoc />
    public override string ToString() => $"DuoChallengePrompt {{ Mode = {Mode}, DuoBypassed = {DuoBypassed} }}";
}
