using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core;

/// <summary>The common base of every MFA step result: success, or a stable failure reason and a safe message.</summary>
/// <remarks>Messages never contain codes, secrets or key material; they may be shown to users and written to logs.</remarks>
public abstract class MfaResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="failureReason">The failure reason, or <see cref="MfaFailureReason.None"/> for success.</param>
    /// <param name="message">A secret-free message; defaults to a generic text for the reason.</param>
    protected MfaResult(MfaFailureReason failureReason, string? message)
        : this(failureReason, message, pending: false)
    {
    }

    /// <summary>Creates a result that may be pending (an out-of-band challenge still waiting for its answer).</summary>
    /// <param name="failureReason">The failure reason, or <see cref="MfaFailureReason.None"/>.</param>
    /// <param name="message">A secret-free message.</param>
    /// <param name="pending">Whether the outcome is not known yet; only with <see cref="MfaFailureReason.None"/>.</param>
    protected MfaResult(MfaFailureReason failureReason, string? message, bool pending)
    {
        if (pending && failureReason != MfaFailureReason.None)
        {
            throw new ArgumentException("A pending result has no failure reason.", nameof(pending));
        }

        FailureReason = failureReason;
        IsPending = pending;
        Message = message ?? (pending ? MfaMessages.Pending : MfaMessages.For(failureReason));
    }

    /// <summary>Whether the step succeeded. A pending result has neither succeeded nor failed.</summary>
    public bool Succeeded => FailureReason == MfaFailureReason.None && !IsPending;

    /// <summary>Whether the outcome is not known yet (an out-of-band challenge waiting for its answer): poll again.</summary>
    public bool IsPending { get; }

    /// <summary>Why the step failed; <see cref="MfaFailureReason.None"/> on success.</summary>
    public MfaFailureReason FailureReason { get; }

    /// <summary>A human-readable, secret-free description of the outcome.</summary>
    public string Message { get; }

    /// <inheritdoc />
    [SuppressMessage("Design", "CA1062", Justification = "Only the reason and the safe message are printed.")]
    public override string ToString() => IsPending ? $"{GetType().Name}: pending" : Succeeded ? $"{GetType().Name}: succeeded" : $"{GetType().Name}: {FailureReason} ({Message})";
}
