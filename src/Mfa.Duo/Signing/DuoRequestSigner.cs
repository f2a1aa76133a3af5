using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mfa.Duo.Signing;

/// <summary>
/// Auth API request signing exactly as spec §4 describes: parameter canonicalization (§4.1), the v2 and v5 canonical
/// strings (§4.2), the HMAC signature and the Basic authorization (§4.3). The emulator verifies with the same code.
/// </summary>
public static class DuoRequestSigner
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string JsonContentType = "application/json";

    /// <summary>Signs a request and lists every header to send.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The canonical string, signature, authorization and headers.</returns>
    /// <exception cref="ArgumentException">SHA-1 with v5, or an <c>X-Duo-*</c> header that is duplicated, misnamed or contains NUL.</exception>
    public static DuoSignedRequest Sign(DuoSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Version == DuoSignatureVersion.V5 && request.Hash == DuoSignatureHash.Sha1)
        {
            throw new ArgumentException("v5 signatures use HMAC-SHA-512 only.", nameof(request));
        }

        var method = request.Method.ToUpperInvariant();
        var xDuo = new List<KeyValuePair<string, string>>(request.XDuoHeaders);
        foreach (var header in xDuo)
        {
            if (!header.Key.StartsWith("x-duo-", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Header '{header.Key}' is not an X-Duo-* header.", nameof(request));
            }
        }

        if (request.DateHeader == DuoDateHeader.XDuoDate)
        {
            xDuo.Add(new("X-Duo-Date", request.Date));
        }

        string? body = null;
        if (request.Version == DuoSignatureVersion.V5)
        {
            body = request.Body ?? (method is "POST" or "PUT" or "PATCH" ? "{}" : null);
        }

        var canonical = request.Version == DuoSignatureVersion.V5
            ? CanonicalizeV5(request.Date, method, request.Host, request.Path, request.Parameters, body ?? string.Empty, xDuo)
            : CanonicalizeV2(request.Date, method, request.Host, request.Path, request.Parameters);
        var signature = ComputeSignature(request.Hash, request.SecretKey, canonical);
        var authorization = BasicAuthorization(request.IntegrationKey, signature);

        var headers = new List<KeyValuePair<string, string>> { new("Authorization", authorization) };
        if (request.DateHeader == DuoDateHeader.Date)
        {
            headers.Add(new("Date", request.Date));
        }

        headers.AddRange(xDuo);
        headers.Add(new("Host", request.Host));
        if (body is not null)
        {
            headers.Add(new("Content-Type", JsonContentType));
        }
        else if (request.Version == DuoSignatureVersion.V2 && method is "POST" or "PUT" or "PATCH")
        {
            headers.Add(new("Content-Type", FormContentType));
        }

        return new DuoSignedRequest(canonical, signature, authorization, body, headers);
    }

    /// <summary>Spec §4.1: percent-encodes keys and values (UTF-8, RFC 3986 unreserved kept, uppercase hex), sorts by encoded key then value, joins with <c>&amp;</c>.</summary>
    /// <param name="parameters">The parameters in any order.</param>
    /// <returns>The canonical parameter line (empty for none).</returns>
    public static string CanonicalizeParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var encoded = parameters.Select(p => (Key: PercentEncode(p.Key), Value: PercentEncode(p.Value))).ToList();
        encoded.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', encoded.Select(static p => p.Key + "=" + p.Value));
    }

    /// <summary>Spec §4.2: the v2 canonical string.</summary>
    /// <param name="date">The date text as sent.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="host">The API hostname.</param>
    /// <param name="path">The path as sent.</param>
    /// <param name="parameters">Every request parameter.</param>
    /// <returns>The canonical string.</returns>
    public static string CanonicalizeV2(string date, string method, string host, string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('\n', date, method.ToUpperInvariant(), CanonicalHost(host), path, CanonicalizeParameters(parameters));
    }

    /// <summary>Spec §4.2: the v5 canonical string.</summary>
    /// <param name="date">The date text as sent.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="host">The API hostname.</param>
    /// <param name="path">The path as sent.</param>
    /// <param name="queryParameters">The query-string parameters only.</param>
    /// <param name="body">The exact body (empty for none).</param>
    /// <param name="xDuoHeaders">Every <c>X-Duo-*</c> header sent, the date header included when it is <c>X-Duo-Date</c>.</param>
    /// <returns>The canonical string.</returns>
    /// <exception cref="ArgumentException">A header name repeats (ignoring case) or a name or value contains NUL.</exception>
    public static string CanonicalizeV5(
        string date,
        string method,
        string host,
        string path,
        IEnumerable<KeyValuePair<string, string>> queryParameters,
        string body,
        IEnumerable<KeyValuePair<string, string>> xDuoHeaders)
    {
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(body);
        return string.Join(
            '\n',
            date,
            method.ToUpperInvariant(),
            CanonicalHost(host),
            path,
            CanonicalizeParameters(queryParameters),
            Sha512Hex(body),
            Sha512Hex(XDuoHeaderBlock(xDuoHeaders)));
    }

    /// <summary>Spec §4.2: the <c>X-Duo-*</c> header block: lower-cased names sorted, name and value joined alternately with NUL.</summary>
    /// <param name="headers">The headers (names starting with <c>x-duo-</c>).</param>
    /// <returns>The block that v5 hashes.</returns>
    /// <exception cref="ArgumentException">A name repeats (ignoring case) or a name or value contains NUL.</exception>
    public static string XDuoHeaderBlock(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name.Contains('\0', StringComparison.Ordinal) || header.Value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("X-Duo header names and values must not contain NUL.", nameof(headers));
            }

            if (!sorted.TryAdd(name, header.Value))
            {
                throw new ArgumentException($"X-Duo header '{name}' is given twice.", nameof(headers));
            }
        }

        return string.Join('\0', sorted.SelectMany(static h => new[] { h.Key, h.Value }));
    }

    /// <summary>Lowercase hex SHA-512 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>128 hex characters.</returns>
    public static string Sha512Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Spec §4.3: lowercase hex of HMAC(UTF-8(skey), UTF-8(canonical)).</summary>
    /// <param name="hash">The hash.</param>
    /// <param name="secretKey">The secret key.</param>
    /// <param name="canonical">The canonical string.</param>
    /// <returns>The signature (40 hex characters for SHA-1, 128 for SHA-512).</returns>
    public static string ComputeSignature(DuoSignatureHash hash, string secretKey, string canonical)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(canonical);
        var key = Encoding.UTF8.GetBytes(secretKey);
        var message = Encoding.UTF8.GetBytes(canonical);
        try
        {
            return Convert.ToHexStringLower(hash == DuoSignatureHash.Sha1 ? Sha1(key, message) : HMACSHA512.HashData(key, message));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Spec §4.3: <c>Basic base64(ikey ":" signature)</c>.</summary>
    /// <param name="integrationKey">The integration key.</param>
    /// <param name="signature">The hex signature.</param>
    /// <returns>The header value.</returns>
    public static string BasicAuthorization(string integrationKey, string signature) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(integrationKey + ":" + signature));

    /// <summary>The canonical host: lower-cased, without a port (spec §4.2).</summary>
    /// <param name="host">An API hostname, possibly with <c>:port</c>.</param>
    /// <returns>The host for the canonical string.</returns>
    public static string CanonicalHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var end = host.Length;
        if (host.StartsWith('['))
        {
            var bracket = host.IndexOf(']', StringComparison.Ordinal);
            end = bracket > 0 ? bracket + 1 : host.Length;
        }
        else if (host.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && colon == host.LastIndexOf(':'))
        {
            end = colon;
        }

        return host[..end].ToLowerInvariant();
    }

    /// <summary>Spec §4.1 step 2: UTF-8, every byte outside <c>A–Z a–z 0–9 - . _ ~</c> as uppercase <c>%XX</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string PercentEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Duo still accepts v2 with HMAC-SHA-1 on /auth/v2/* (spec §4.3) and the vectors cover it; the default is SHA-512.")]
    private static byte[] Sha1(byte[] key, byte[] message) => HMACSHA1.HashData(key, message);
}
