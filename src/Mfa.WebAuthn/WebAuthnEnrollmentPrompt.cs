using System.Text.Json;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>A begun WebAuthn registration: the creation options to hand to the browser.</summary>
public sealed class WebAuthnEnrollmentPrompt : EnrollmentPrompt
{
    internal WebAuthnEnrollmentPrompt(string optionsJson)
    {
        OptionsJson = optionsJson;
        using var document = JsonDocument.Parse(optionsJson);
        Options = document.RootElement.Clone();
    }

    /// <summary>
    /// <c>PublicKeyCredentialCreationOptionsJSON</c> (WebAuthn L3 §5.1) as a JSON element, to embed in a response as is:
    /// the page passes it to <c>PublicKeyCredential.parseCreationOptionsFromJSON</c>.
    /// </summary>
    public JsonElement Options { get; }

    /// <summary>The same options as JSON text.</summary>
    public string OptionsJson { get; }
}
