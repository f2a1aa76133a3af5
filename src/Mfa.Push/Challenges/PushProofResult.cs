using Mfa.Core;

namespace Mfa.Push.Challenges;

/// <summary>The outcome of verifying a device request proof (push spec §4.8). On failure answer <c>401</c> with no body.</summary>
/// <remarks>On success the caller records <see cref="Jti"/> in its replay cache until <see cref="ReplayKeepUntil"/>, atomically, and refuses the request if it was there.</remarks>
public sealed class PushProofResult : MfaResult
{
    private PushProofResult(PushProtocolError error)
        : base(PushFailures.ToReason(error), null)
    {
        Error = error;
    }

    /// <summary>The protocol error (for logs); <see cref="PushProtocolError.None"/> on success.</summary>
    public PushProtocolError Error { get; }

    /// <summary>The authenticated device.</summary>
    public string? CredentialId { get; private init; }

    /// <summary>The proof's token id.</summary>
    public string? Jti { get; private init; }

    /// <summary>How long to remember <see cref="Jti"/> (push spec §4.8: 5 minutes).</summary>
    public DateTimeOffset ReplayKeepUntil { get; private init; }

    internal static PushProofResult Failure(PushProtocolError error) => new(error);

    internal static PushProofResult Success(string credentialId, string jti, DateTimeOffset keepUntil) =>
        new(PushProtocolError.None) { CredentialId = credentialId, Jti = jti, ReplayKeepUntil = keepUntil };
}
