namespace Mfa.Duo;

/// <summary>The Auth API options a directory administrator lets users pick (spec §3.1).</summary>
[Flags]
public enum DuoAuthOptions
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Duo Push (approve in Duo Mobile).</summary>
    Push = 1,

    /// <summary>Phone callback (press a key on a voice call).</summary>
    Phone = 2,

    /// <summary>A passcode (Duo Mobile, hardware token, SMS batch or bypass code).</summary>
    Passcode = 4,

    /// <summary>Every option.</summary>
    All = Push | Phone | Passcode,
}
