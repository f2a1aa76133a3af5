namespace Mfa.Core.Service;

/// <summary>The tallies of one <see cref="SecretReencryptionPage"/> while it is built.</summary>
internal sealed class SecretReencryptionCounts
{
    /// <summary>What <see cref="SecretReencryptionPage.KeyIds"/> shows for a secret that names no key.</summary>
    public const string UnnamedKey = "(none)";

    public int Moved { get; set; }

    public int AlreadyCurrent { get; set; }

    public int Unreadable { get; set; }

    public int Conflicts { get; set; }

    public int Skipped { get; set; }

    public Dictionary<string, int> KeyIds { get; } = new(StringComparer.Ordinal);

    public void CountKey(string? keyId)
    {
        var name = keyId ?? UnnamedKey;
        KeyIds[name] = KeyIds.GetValueOrDefault(name) + 1;
    }
}
