namespace Mfa.Core.Storage;

/// <summary>What <see cref="IEnrollmentStore.TryCompleteAsync"/> did.</summary>
public enum EnrollmentCommitOutcome
{
    /// <summary>The enrollment was consumed, the authenticator stored and its replay step recorded.</summary>
    Stored = 0,

    /// <summary>The enrollment is unknown, bound to something else, expired or already consumed: nothing was written.</summary>
    EnrollmentNotUsable = 1,

    /// <summary>An authenticator with the same id or credential id exists: nothing was written.</summary>
    Duplicate = 2,
}
