namespace Mfa.Core.Factors;

/// <summary>The stable ids of the factors that ship with Mfa.Sdk.</summary>
public static class FactorKinds
{
    /// <summary>Time-based one-time passwords (RFC 6238).</summary>
    public const string Totp = "totp";

    /// <summary>Counter-based one-time passwords (RFC 4226): hardware OATH-HOTP tokens.</summary>
    public const string Hotp = "hotp";

    /// <summary>WebAuthn security keys and device authenticators.</summary>
    public const string WebAuthn = "webauthn";

    /// <summary>Push approval on an enrolled phone.</summary>
    public const string Push = "push";

    /// <summary>Duo Security.</summary>
    public const string Duo = "duo";
}
