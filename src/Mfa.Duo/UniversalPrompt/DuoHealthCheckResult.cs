using Mfa.Duo.Http;

namespace Mfa.Duo.UniversalPrompt;

/// <summary>The outcome of <c>POST /oauth/v1/health_check</c>.</summary>
public sealed class DuoHealthCheckResult
{
    internal DuoHealthCheckResult(DuoFailureKind failure, int? httpStatus, int? duoErrorCode, string? errorMessage)
    {
        Failure = failure;
        HttpStatus = httpStatus;
        DuoErrorCode = duoErrorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Healthy, unreachable or rejected.</summary>
    public DuoHealthStatus Status => Failure switch
    {
        DuoFailureKind.None => DuoHealthStatus.Healthy,
        _ when DuoFailures.IsUnavailable(Failure) => DuoHealthStatus.Unreachable,
        _ => DuoHealthStatus.Rejected,
    };

    /// <summary>Whether Duo is healthy.</summary>
    public bool IsHealthy => Failure == DuoFailureKind.None;

    /// <summary>The failure, or <see cref="DuoFailureKind.None"/>.</summary>
    public DuoFailureKind Failure { get; }

    /// <summary>The HTTP status, when Duo answered.</summary>
    public int? HttpStatus { get; }

    /// <summary>Duo's <c>code</c>, when it sent one.</summary>
    public int? DuoErrorCode { get; }

    /// <summary>Duo's message (or OAuth error and description) for logs only, control characters removed.</summary>
    public string? ErrorMessage { get; }
}
