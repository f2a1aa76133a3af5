using System.Net;

namespace Mfa.Duo.Http;

/// <summary>One HTTP exchange with Duo, already bounded and classified.</summary>
internal sealed class DuoHttpResponse
{
    private DuoHttpResponse(DuoFailureKind failure, HttpStatusCode? status, byte[] body, TimeSpan? retryAfter)
    {
        Failure = failure;
        Status = status;
        Body = body;
        RetryAfter = retryAfter;
    }

    /// <summary>A transport-level failure, or <see cref="DuoFailureKind.None"/> when <see cref="Body"/> is JSON that can be parsed.</summary>
    public DuoFailureKind Failure { get; }

    public HttpStatusCode? Status { get; }

    public byte[] Body { get; }

    public TimeSpan? RetryAfter { get; }

    public int? StatusCode => Status is { } s ? (int)s : null;

    public static DuoHttpResponse Failed(DuoFailureKind failure, HttpStatusCode? status = null, TimeSpan? retryAfter = null) =>
        new(failure, status, [], retryAfter);

    public static DuoHttpResponse Json(HttpStatusCode status, byte[] body) => new(DuoFailureKind.None, status, body, null);
}
