namespace Mfa.Core.Storage;

/// <summary>The outcome of <see cref="ISignInStore.ApplySuccessAsync"/>.</summary>
public enum SignInWriteBack
{
    /// <summary>Written: guard advanced, record written, counters cleared.</summary>
    Applied = 0,

    /// <summary>No matched step is later than the last accepted one: nothing was written.</summary>
    Replayed = 1,

    /// <summary>The record changed since it was read, so its new data was not written; the counters were not cleared.</summary>
    Conflict = 2,
}
