using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>The browser's answer to an authentication: <c>JSON.stringify(credential)</c> of the <c>get()</c> result.</summary>
public sealed class WebAuthnChallengeResponse : ChallengeResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="responseJson">The <c>AuthenticationResponseJSON</c> (WebAuthn L3 §5.1) as sent by the page.</param>
    public WebAuthnChallengeResponse(string responseJson)
    {
        ArgumentNullException.ThrowIfNull(responseJson);
        ResponseJson = responseJson;
    }

    /// <inheritdoc />
    public override string Kind => FactorKinds.WebAuthn;

    /// <summary>The <c>AuthenticationResponseJSON</c>.</summary>
    public string ResponseJson { get; }
}
