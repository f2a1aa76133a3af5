namespace Mfa.Push;

/// <summary>Number-matching presets of push spec §4.4 and §11.</summary>
public enum PushNumberMatchingPreset
{
    /// <summary><see cref="PushNumberMatching.Enter"/> with 2 digits (10–99), as Microsoft Authenticator.</summary>
    Default = 0,

    /// <summary><see cref="PushNumberMatching.Enter"/> with 7 digits (23 bits): NIST SP 800-63B's "at least 20 bits" read strictly.</summary>
    Nist80063B = 1,
}
