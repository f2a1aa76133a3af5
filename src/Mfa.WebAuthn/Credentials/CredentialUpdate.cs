using Mfa.WebAuthn.Ceremonies;

namespace Mfa.WebAuthn.Credentials;

/// <summary>
/// How a stored credential changes after a successful assertion (WebAuthn L3 §7.2 step 24): the signature counter
/// becomes the reported one but never goes lower, the backup state becomes the current BS flag, and a counter that did
/// not increase (accepted under <see cref="CounterRollbackPolicy.FlagOnly"/>) is counted.
/// </summary>
internal static class CredentialUpdate
{
    /// <summary>The stored credential after <paramref name="outcome"/>.</summary>
    /// <param name="data">The stored credential.</param>
    /// <param name="outcome">A successful assertion's outcome.</param>
    /// <returns>The credential to store.</returns>
    public static WebAuthnCredentialData After(WebAuthnCredentialData data, in AssertionOutcome outcome) => data with
    {
        SignCount = Math.Max(data.SignCount, outcome.ReportedSignCount),
        BackupState = outcome.BackupState,
        CounterRollbacks = outcome.CounterRollback ? data.CounterRollbacks + 1 : data.CounterRollbacks,
    };
}
