using System.Diagnostics.CodeAnalysis;

namespace Mfa.Core.Service;

/// <summary>The result of managing an authenticator (enroll, rename, remove).</summary>
public sealed class MfaOperationResult : MfaResult
{
    private MfaOperationResult(MfaFailureReason reason, string? message, AuthenticatorInfo? authenticator, bool userLockedOut, TimeSpan? retryAfter)
        : base(reason, message)
    {
        Authenticator = authenticator;
        UserLockedOut = userLockedOut;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Authenticator))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>The authenticator, as it is after the operation.</summary>
    public AuthenticatorInfo? Authenticator { get; }

    /// <summary>Whether the operation left a user who must use MFA without any authenticator (a forced removal).</summary>
    public bool UserLockedOut { get; }

    /// <summary>When locked out: how long to wait.</summary>
    public TimeSpan? RetryAfter { get; }

    internal static MfaOperationResult Success(AuthenticatorInfo authenticator, bool userLockedOut = false) => new(MfaFailureReason.None, null, authenticator, userLockedOut, null);

    internal static MfaOperationResult Failure(MfaFailureReason reason, string? message = null, TimeSpan? retryAfter = null) => new(reason, message, null, false, retryAfter);
}
