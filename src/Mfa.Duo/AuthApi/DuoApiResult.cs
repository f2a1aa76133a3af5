using System.Diagnostics.CodeAnalysis;
using Mfa.Core;
using Mfa.Duo.Http;

namespace Mfa.Duo.AuthApi;

/// <summary>The outcome of one Auth API call: a value, or a typed failure (never an exception for a remote fault).</summary>
/// <typeparam name="T">The response type.</typeparam>
public sealed class DuoApiResult<T>
    where T : class
{
    internal DuoApiResult(T value, int? httpStatus)
    {
        Value = value;
        HttpStatus = httpStatus;
    }

    internal DuoApiResult(DuoFailureKind failure, int? httpStatus = null, int? duoErrorCode = null, string? errorMessage = null)
    {
        Failure = failure;
        HttpStatus = httpStatus;
        DuoErrorCode = duoErrorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Whether Duo answered <c>stat: OK</c> with a well-formed response.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Failure == DuoFailureKind.None;

    /// <summary>The failure, or <see cref="DuoFailureKind.None"/>.</summary>
    public DuoFailureKind Failure { get; }

    /// <summary>The stable reason for <see cref="Failure"/>.</summary>
    public MfaFailureReason FailureReason => DuoFailures.ToReason(Failure);

    /// <summary>Whether the failure means Duo is unavailable (unreachable, timeout, 5xx, 429): the failmode's business.</summary>
    public bool IsUnavailable => DuoFailures.IsUnavailable(Failure);

    /// <summary>The response.</summary>
    public T? Value { get; }

    /// <summary>The HTTP status, when Duo answered.</summary>
    public int? HttpStatus { get; }

    /// <summary>Duo's error <c>code</c> (e.g. 40103 for a bad signature), when it sent one.</summary>
    public int? DuoErrorCode { get; }

    /// <summary>Duo's <c>message</c>/<c>message_detail</c> for logs (control characters removed); never show it unencoded.</summary>
    public string? ErrorMessage { get; }
}
