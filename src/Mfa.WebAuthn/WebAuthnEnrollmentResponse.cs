using Mfa.Core.Factors;

namespace Mfa.WebAuthn;

/// <summary>The browser's answer to a registration: <c>JSON.stringify(credential)</c> of the <c>create()</c> result.</summary>
public sealed class WebAuthnEnrollmentResponse : EnrollmentResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="responseJson">The <c>RegistrationResponseJSON</c> (WebAuthn L3 §5.1) as sent by the page.</param>
    public WebAuthnEnrollmentResponse(string responseJson)
    {
        ArgumentNullException.ThrowIfNull(responseJson);
        ResponseJson = responseJson;
    }

    /// <inheritdoc />
    public override string Kind => FactorKinds.WebAuthn;

    /// <summary>The <c>RegistrationResponseJSON</c>.</summary>
    public string ResponseJson { get; }
}
