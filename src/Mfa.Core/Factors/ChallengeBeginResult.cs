using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Factors;

/// <summary>A factor's answer to a challenge begin step: what to send the client, and opaque state for the service to keep.</summary>
public sealed class ChallengeBeginResult : MfaResult
{
    private ChallengeBeginResult(MfaFailureReason reason, string? message, ChallengePrompt? prompt, ReadOnlyMemory<byte> state)
        : base(reason, message)
    {
        Prompt = prompt;
        State = state;
    }

    /// <summary>Whether the step succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Prompt))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>What to send the client.</summary>
    public ChallengePrompt? Prompt { get; }

    /// <summary>The factor's state: stored server-side by the service, never sent to a client or shown to a host.</summary>
    public ReadOnlyMemory<byte> State { get; }

    /// <summary>A begun challenge.</summary>
    /// <param name="prompt">What to send the client.</param>
    /// <param name="state">The state to hand back on completion.</param>
    /// <returns>The result.</returns>
    public static ChallengeBeginResult Begun(ChallengePrompt prompt, ReadOnlyMemory<byte> state)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new(MfaFailureReason.None, null, prompt, state);
    }

    /// <summary>A failure.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="message">A secret-free message.</param>
    /// <returns>The result.</returns>
    public static ChallengeBeginResult Failure(MfaFailureReason reason, string? message = null) => new(reason, message, null, ReadOnlyMemory<byte>.Empty);
}
