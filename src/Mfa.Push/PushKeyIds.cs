namespace Mfa.Push;

/// <summary>Key ids of push spec §3.4: <c>credentialId</c> for the possession key, <c>credentialId + ".uv"</c> for the UV key.</summary>
internal static class PushKeyIds
{
    public const string UvSuffix = ".uv";

    public static (string CredentialId, bool IsUvKey) Split(string kid) =>
        kid.EndsWith(UvSuffix, StringComparison.Ordinal) ? (kid[..^UvSuffix.Length], true) : (kid, false);
}
