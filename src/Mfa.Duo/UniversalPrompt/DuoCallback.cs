namespace Mfa.Duo.UniversalPrompt;

/// <summary>
/// The query Duo sends the browser back with (spec §2.1 step 5): <c>duo_code</c> (or <c>code</c>) and <c>state</c>, or
/// <c>error</c> and <c>error_description</c>. Parsing checks shape only; the caller checks <see cref="State"/> against the
/// one it stored (single use) before exchanging the code.
/// </summary>
public sealed class DuoCallback
{
    private const int MaxLength = 1024;

    private DuoCallback(string? code, string? state, string? error, string? errorDescription)
    {
        Code = code;
        State = state;
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The one-time code, when Duo sent one.</summary>
    public string? Code { get; }

    /// <summary>The state Duo echoed.</summary>
    public string? State { get; }

    /// <summary>The OAuth error, e.g. <c>access_denied</c>: always a failure, never a reason to fail open.</summary>
    public string? Error { get; }

    /// <summary>Duo's error text (untrusted, control characters removed).</summary>
    public string? ErrorDescription { get; }

    /// <summary>Whether the callback carries a code and a state and no error.</summary>
    public bool HasCode => Code is not null && State is not null && Error is null;

    /// <summary>Reads the callback's query parameters; a parameter that repeats, is empty or is too long makes the callback unusable.</summary>
    /// <param name="query">The query parameters (name, value), e.g. from <c>HttpRequest.Query</c>.</param>
    /// <param name="callback">The callback, when its shape is valid.</param>
    /// <returns>Whether the query is a well-formed Duo callback (a code and state, or an error).</returns>
    public static bool TryParse(IEnumerable<KeyValuePair<string, string?>> query, out DuoCallback? callback)
    {
        ArgumentNullException.ThrowIfNull(query);
        callback = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (name is not ("duo_code" or "code" or "state" or "error" or "error_description"))
            {
                continue;
            }

            if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !values.TryAdd(name, value))
            {
                return false;
            }
        }

        values.TryGetValue("duo_code", out var duoCode);
        values.TryGetValue("code", out var plainCode);
        values.TryGetValue("state", out var state);
        values.TryGetValue("error", out var error);
        values.TryGetValue("error_description", out var description);
        if (duoCode is not null && plainCode is not null)
        {
            return false;
        }

        var code = duoCode ?? plainCode;
        if (error is null && (code is null || state is null))
        {
            return false;
        }

        callback = new DuoCallback(error is null ? code : null, state, Http.DuoJson.Sanitize(error), Http.DuoJson.Sanitize(description));
        return true;
    }
}
