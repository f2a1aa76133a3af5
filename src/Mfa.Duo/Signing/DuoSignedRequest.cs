namespace Mfa.Duo.Signing;

/// <summary>A signed Auth API request: the canonical string, the signature and every header to send.</summary>
public sealed class DuoSignedRequest
{
    internal DuoSignedRequest(string canonical, string signature, string authorization, string? body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Canonical = canonical;
        Signature = signature;
        Authorization = authorization;
        Body = body;
        Headers = headers;
    }

    /// <summary>The canonical request string that was signed (lines joined with LF, no trailing newline).</summary>
    public string Canonical { get; }

    /// <summary>The signature: lowercase hex of the HMAC.</summary>
    public string Signature { get; }

    /// <summary>The <c>Authorization</c> header value: <c>Basic base64(ikey:signature)</c>.</summary>
    public string Authorization { get; }

    /// <summary>The body to send (v5 JSON), or <see langword="null"/> when the request has none or sends a form body built from the parameters.</summary>
    public string? Body { get; }

    /// <summary>Every header to send, in a stable order: <c>Authorization</c>, the date header, the <c>X-Duo-*</c> headers, <c>Host</c> and, with a body, <c>Content-Type</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
}
