namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>The rules that explain a disagreement between Mfa.WebAuthn and Fido2 on a generated case.</summary>
internal static class GeneratedDifferences
{
    public const string Ed448 = "Ed448: Fido2 has no Ed448 (its NSec has none); the SDK verifies it with BouncyCastle";
    public const string BackupEligibilityChanged = "BE changed since registration: the SDK refuses (WebAuthn L3 §7.2 step 19 allows it); Fido2 is not told the stored BE";

    /// <summary>The documented rule that explains why the verdicts differ, or null (a finding).</summary>
    public static string? Explain(GeneratedCeremony ceremony, Verdict ours, Verdict theirs)
    {
        if (ceremony.KeyName == "EdDSA/Ed448" && ours.Succeeded && theirs.Detail.Contains("Ed448", StringComparison.Ordinal))
        {
            return Ed448;
        }

        if (ceremony.Mutation == "be-changed" && !ours.Succeeded && theirs.Succeeded)
        {
            return BackupEligibilityChanged;
        }

        return null;
    }
}
