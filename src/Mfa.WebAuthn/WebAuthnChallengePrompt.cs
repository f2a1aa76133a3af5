using System.Text.Json;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A begun WebAuthn authentication: the request options to hand to the browser.</summary>
public sealed class WebAuthnChallengePrompt : ChallengePrompt
{
    internal WebAuthnChallengePrompt(string optionsJson)
    {
        OptionsJson = optionsJson;
        using var document = JsonDocument.Parse(optionsJson);
        Options = document.RootElement.Clone();
    }

    /// <summary>
    /// <c>PublicKeyCredentialRequestOptionsJSON</c> (WebAuthn L3 §5.1) as a JSON element, to embed in a response as is:
    /// the page passes it to <c>PublicKeyCredential.parseRequestOptionsFromJSON</c>. For a username-less challenge
    /// <c>allowCredentials</c> is empty, so the browser offers the user's passkeys (also with <c>mediation: "conditional"</c>).
    /// </summary>
    public JsonElement Options { get; }

    /// <summary>The same options as JSON text.</summary>
    public string OptionsJson { get; }
}
