namespace Mfa.Core.Service;

/// <summary>
/// One page of <see cref="IMfaAdministration.ReencryptSecretsAsync"/>: how many of the page's authenticators moved to the
/// newest key, were already there, could not be opened, lost every retry to a concurrent change, or hold no protected
/// secret; and where the next page starts.
/// </summary>
public sealed class SecretReencryptionPage : MfaResult
{
    private SecretReencryptionPage(MfaFailureReason reason, SecretReencryptionCounts counts, string? next)
        : base(reason, message: null)
    {
        Moved = counts.Moved;
        AlreadyCurrent = counts.AlreadyCurrent;
        Unreadable = counts.Unreadable;
        Conflicts = counts.Conflicts;
        Skipped = counts.Skipped;
        KeyIds = counts.KeyIds;
        Next = next;
    }

    /// <summary>Records whose secrets were written under the newest key (in a dry run: would be).</summary>
    public int Moved { get; }

    /// <summary>Records whose secrets were already under the newest key.</summary>
    public int AlreadyCurrent { get; }

    /// <summary>Records no configured key opens (each also raised <see cref="Diagnostics.MfaEventIds.SecretUnavailable"/>).</summary>
    public int Unreadable { get; }

    /// <summary>Records that changed concurrently on every retry: run again to move them.</summary>
    public int Conflicts { get; }

    /// <summary>Records of factors that hold no protected secret, or whose factor is not registered here.</summary>
    public int Skipped { get; }

    /// <summary>
    /// How many records' secrets named each key id before this run (<c>(none)</c>: a format that names no key), over the
    /// records with secrets: which keys are still in use.
    /// </summary>
    public IReadOnlyDictionary<string, int> KeyIds { get; }

    /// <summary>The id to pass as <c>afterAuthenticatorId</c> for the next page, or <see langword="null"/> after the last page.</summary>
    public string? Next { get; }

    internal static SecretReencryptionPage Success(SecretReencryptionCounts counts, string? next) => new(MfaFailureReason.None, counts, next);

    internal static SecretReencryptionPage Failure(MfaFailureReason reason) => new(reason, new SecretReencryptionCounts(), null);
}
