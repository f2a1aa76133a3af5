using System.Diagnostics.CodeAnalysis;
using Mfa.Core;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;

namespace Mfa.Duo.UniversalPrompt;

/// <summary>
/// The outcome of the code exchange and id_token validation. Every failure here is final: the user already went to Duo,
/// so the failmode no longer applies (spec §2.7).
/// </summary>
public sealed class DuoTokenExchangeResult
{
    internal DuoTokenExchangeResult(DuoFailureKind failure, DuoIdTokenFailure idTokenFailure, DuoIdToken? idToken, int? httpStatus, string? oauthError, string? errorMessage)
    {
        Failure = failure;
        IdTokenFailure = idTokenFailure;
        IdToken = idToken;
        HttpStatus = httpStatus;
        OAuthError = oauthError;
        ErrorMessage = errorMessage;
    }

    /// <summary>Whether Duo authenticated the expected user: a valid id_token whose <c>auth_result.result</c> is <c>allow</c>.</summary>
    [MemberNotNullWhen(true, nameof(IdToken))]
    public bool Succeeded => Failure == DuoFailureKind.None && IdToken is not null;

    /// <summary>The failure (<see cref="DuoFailureKind.InvalidIdToken"/> when the token was refused), or <see cref="DuoFailureKind.None"/>.</summary>
    public DuoFailureKind Failure { get; }

    /// <summary>Why the id_token was refused, when <see cref="Failure"/> is <see cref="DuoFailureKind.InvalidIdToken"/>.</summary>
    public DuoIdTokenFailure IdTokenFailure { get; }

    /// <summary>The stable reason: <see cref="MfaFailureReason.Denied"/> when Duo denied, <see cref="MfaFailureReason.ChallengeMismatch"/> for a nonce or username mismatch, <see cref="MfaFailureReason.Expired"/>, <see cref="MfaFailureReason.InvalidSignature"/>, <see cref="MfaFailureReason.MalformedInput"/>, or the transport reason.</summary>
    public MfaFailureReason FailureReason => Failure != DuoFailureKind.InvalidIdToken
        ? DuoFailures.ToReason(Failure)
        : IdTokenFailure switch
        {
            DuoIdTokenFailure.Denied => MfaFailureReason.Denied,
            DuoIdTokenFailure.NonceMismatch or DuoIdTokenFailure.UsernameMismatch => MfaFailureReason.ChallengeMismatch,
            DuoIdTokenFailure.Expired or DuoIdTokenFailure.NotYetValid or DuoIdTokenFailure.InvalidLifetime => MfaFailureReason.Expired,
            DuoIdTokenFailure.Malformed => MfaFailureReason.MalformedInput,
            _ => MfaFailureReason.InvalidSignature,
        };

    /// <summary>The validated token: on success, and also when Duo denied (<see cref="DuoIdTokenFailure.Denied"/>) so the host can log the context.</summary>
    public DuoIdToken? IdToken { get; }

    /// <summary>The HTTP status of the token call, when Duo answered.</summary>
    public int? HttpStatus { get; }

    /// <summary>The OAuth <c>error</c> (<c>invalid_grant</c>, <c>invalid_client</c>), when Duo sent one.</summary>
    public string? OAuthError { get; }

    /// <summary>Duo's error text for logs only, control characters removed.</summary>
    public string? ErrorMessage { get; }
}
