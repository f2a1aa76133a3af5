namespace Mfa.Core.Factors;

/// <summary>The result of beginning an enrollment: factor-specific data for the user, and opaque state.</summary>
public class EnrollmentBeginResult : MfaResult
{
    /// <summary>Creates a successful result.</summary>
    /// <param name="state">The opaque state to hand back on completion. It is stored, never sent to the client.</param>
    public EnrollmentBeginResult(ReadOnlyMemory<byte> state)
        : base(MfaFailureReason.None, message: null) => State = state;

    /// <summary>Creates a failed result.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    protected EnrollmentBeginResult(MfaFailureReason reason, string? message)
        : base(reason, message)
    {
    }

    /// <summary>The opaque factor state; kept server-side by the challenge store.</summary>
    public ReadOnlyMemory<byte> State { get; }

    /// <summary>Creates a failed result of the base type.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static EnrollmentBeginResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message);
}
