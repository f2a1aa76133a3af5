using Mfa.WebAuthn.Parsing;

namespace Mfa.Testing.WebAuthn;

/// <summary>The client data and authenticator data fields both ceremony builders let a test break.</summary>
public abstract class CeremonyFields(string type, string challenge, string origin, string rpId, AuthenticatorDataFlags flags)
{
    public string Type { get; set; } = type;

    public string Challenge { get; set; } = challenge;

    public string Origin { get; set; } = origin;

    public bool? CrossOrigin { get; set; }

    public string? TopOrigin { get; set; }

    /// <summary>Raw JSON members appended to the client data (for example a tokenBinding).</summary>
    public string? ExtraClientData { get; set; }

    /// <summary>The RP ID (or AppID) whose hash goes into the authenticator data.</summary>
    public string RpId { get; set; } = rpId;

    public AuthenticatorDataFlags Flags { get; set; } = flags;

    /// <summary>The raw <c>clientExtensionResults</c> JSON.</summary>
    public abstract string ClientExtensionResults { get; set; }

    public byte[] ClientDataJson() => TestAuthenticator.ClientData(Type, Challenge, Origin, CrossOrigin, TopOrigin, ExtraClientData);
}
