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
    {
        FailureReason = failureReason;
        Message = message ?? MfaMessages.For(failureReason);
    }

    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded => FailureReason == MfaFailureReason.None;

    /// <summary>Why the step failed; <see cref="MfaFailureReason.None"/> on success.</summary>
    public MfaFailureReason FailureReason { get; }

    /// <summary>A human-readable, secret-free description of the outcome.</summary>
    public string Message { get; }

    /// <inheritdoc />
    [SuppressMessage("Design", "CA1062", Justification = "Only the reason and the safe message are printed.")]
    public override string ToString() => Succeeded ? $"{GetType().Name}: succeeded" : $"{GetType().Name}: {FailureReason} ({Message})";
}
