namespace Mfa.Core.Factors;

/// <summary>What <see cref="IReprotectingFactor.Reprotect"/> found.</summary>
public enum SecretReprotectionStatus
{
    /// <summary>The record's secrets are already under the newest key: nothing to write.</summary>
    Current = 0,

    /// <summary>The record's secrets were protected again under the newest key: write <see cref="SecretReprotection.Record"/>.</summary>
    Reprotected = 1,

    /// <summary>No configured key opens the record's secrets, or its data cannot be read.</summary>
    Unreadable = 2,
}
