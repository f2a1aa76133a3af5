namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>One verifier's answer: success with what it would store, or a refusal with its reason.</summary>
internal sealed record Verdict(bool Succeeded, string Detail, string? CredentialId = null, byte[]? PublicKey = null, uint SignCount = 0)
{
    public override string ToString() => Succeeded ? $"accepted (signCount {SignCount})" : $"refused: {Detail}";
}
