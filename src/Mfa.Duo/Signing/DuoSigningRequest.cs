namespace Mfa.Duo.Signing;

/// <summary>What <see cref="DuoRequestSigner.Sign"/> signs: one Auth API request.</summary>
/// <remarks><see cref="SecretKey"/> is a secret: never log this object's properties.</remarks>
public sealed class DuoSigningRequest
{
    /// <summary>The integration key (ikey), the user name of the Basic authorization.</summary>
    public required string IntegrationKey { get; init; }

    /// <summary>The secret key (skey): the HMAC key, used as its UTF-8 bytes.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The API hostname; it is lower-cased and stripped of any port in the canonical string.</summary>
    public required string Host { get; init; }

    /// <summary>The HTTP method; upper-cased in the canonical string.</summary>
    public required string Method { get; init; }

    /// <summary>The URL path exactly as sent (no query).</summary>
    public required string Path { get; init; }

    /// <summary>The date text exactly as sent (RFC 2822, see <see cref="DuoDate"/>).</summary>
    public required string Date { get; init; }

    /// <summary>The signed parameters: under v2 every request parameter (query or form body), under v5 the query parameters only.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>v5 only: the exact JSON body; <see langword="null"/> means none (a v5 POST, PUT or PATCH without a body sends and hashes <c>{}</c>).</summary>
    public string? Body { get; init; }

    /// <summary>Extra <c>X-Duo-*</c> headers to send (and, under v5, to sign). Other headers are never signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> XDuoHeaders { get; init; } = [];

    /// <summary>The canonical-request version. Default: <see cref="DuoSignatureVersion.V5"/>.</summary>
    public DuoSignatureVersion Version { get; init; } = DuoSignatureVersion.V5;

    /// <summary>The HMAC hash. Default: <see cref="DuoSignatureHash.Sha512"/>.</summary>
    public DuoSignatureHash Hash { get; init; } = DuoSignatureHash.Sha512;

    /// <summary>Which header carries the date. Default: <see cref="DuoDateHeader.XDuoDate"/>.</summary>
    public DuoDateHeader DateHeader { get; init; } = DuoDateHeader.XDuoDate;
}
