namespace Mfa.Duo.Http;

/// <summary>Why a call to Duo did not produce a usable answer. Every remote fault is one of these, never an exception.</summary>
public enum DuoFailureKind
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>Duo could not be reached: DNS, TCP or TLS failed. Counts as "Duo unavailable" for the failmode.</summary>
    Unreachable = 1,

    /// <summary>Duo did not answer in time. Counts as "Duo unavailable" for the failmode.</summary>
    Timeout = 2,

    /// <summary>Duo answered 5xx. Counts as "Duo unavailable" for the failmode.</summary>
    ServerError = 3,

    /// <summary>Duo answered 429 (rate limited), after any retries. Counts as "Duo unavailable" for the failmode.</summary>
    RateLimited = 4,

    /// <summary>Duo answered and refused the request: a 4xx, <c>stat: FAIL</c>, an OAuth <c>error</c> (wrong credentials, signature, code, parameters).</summary>
    Rejected = 5,

    /// <summary>The body is not the JSON Duo sends (syntax, shape or missing members).</summary>
    MalformedResponse = 6,

    /// <summary>The body is not <c>application/json</c>.</summary>
    WrongContentType = 7,

    /// <summary>The body is larger than <see cref="DuoOptions.MaxResponseBytes"/>; it was not read to the end.</summary>
    ResponseTooLarge = 8,

    /// <summary>The id_token failed validation; see the result's id_token failure.</summary>
    InvalidIdToken = 9,

    /// <summary>The request was refused locally before calling Duo: an option the administrator did not allow, or a missing or oversized argument.</summary>
    NotAllowed = 10,
}
