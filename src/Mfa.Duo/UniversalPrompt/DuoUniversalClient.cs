using System.Net;
using System.Text;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Microsoft.Extensions.Options;

namespace Mfa.Duo.UniversalPrompt;

/// <summary>The Universal Prompt client (spec §2): client assertions, the signed authorize request and id_token validation.</summary>
internal sealed class DuoUniversalClient : IDuoUniversalClient
{
    /// <summary>The lifetime of every JWT we sign (spec §2.2: now + 300 s).</summary>
    internal static readonly TimeSpan JwtLifetime = TimeSpan.FromSeconds(300);

    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly DuoHttpTransport _transport;
    private readonly DuoOptions _options;
    private readonly TimeProvider _time;

    public DuoUniversalClient(DuoHttpTransport transport, IOptions<DuoOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _options = options.Value;
        _time = time;
    }

    private string ClientId => _options.ClientId ?? string.Empty;

    private string ClientSecret => _options.ClientSecret ?? string.Empty;

    /// <summary><c>https://{api_host}</c>: the identity every iss/aud claim is built from (also when a loopback emulator is called over http).</summary>
    private string Authority => "https://" + _options.ApiHost;

    public async Task<DuoHealthCheckResult> HealthCheckAsync(CancellationToken cancellationToken = default)
    {
        var http = await _transport.SendAsync(
            () => FormPost("oauth/v1/health_check", [new("client_id", ClientId), new("client_assertion", ClientAssertion(Authority + "/oauth/v1/health_check"))]),
            safeToRetry: true,
            _options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);

        // Spec §2.3: healthy ⇔ transport OK ∧ HTTP 2xx ∧ JSON ∧ stat == "OK".
        var envelope = DuoEnvelope.From(http);
        return new DuoHealthCheckResult(envelope.Failure, envelope.HttpStatus, envelope.Code, envelope.Message);
    }

    public Uri BuildAuthorizationUrl(string username, string state, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(state);
        if (username.Length is 0 or > 1024)
        {
            throw new ArgumentException("The username must be 1 to 1024 characters.", nameof(username));
        }

        CheckStateShape(state, nameof(state));
        if (nonce is not null)
        {
            CheckStateShape(nonce, nameof(nonce));
        }

        var redirect = RedirectUri;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var request = DuoJwt.Sign(
            writer =>
            {
                writer.WriteString("response_type", "code");
                writer.WriteString("scope", "openid");
                writer.WriteNumber("exp", now + (long)JwtLifetime.TotalSeconds);
                writer.WriteString("client_id", ClientId);
                writer.WriteString("redirect_uri", redirect);
                writer.WriteString("state", state);
                writer.WriteString("duo_uname", username);
                writer.WriteString("iss", ClientId);
                writer.WriteString("aud", Authority);
                if (nonce is not null)
                {
                    writer.WriteString("nonce", nonce);
                }

                writer.WriteBoolean("use_duo_code_attribute", true);
            },
            ClientSecret);

        // The same values in the query as in the JWT: never conflicting ones (spec §2.4).
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", ClientId),
            new("request", request),
            new("redirect_uri", redirect),
            new("scope", "openid"),
            new("state", state),
        };
        if (nonce is not null)
        {
            query.Add(new("nonce", nonce));
        }

        return new Uri(_transport.BaseAddress, "oauth/v1/authorize?" + FormEncode(query));
    }

    public async Task<DuoTokenExchangeResult> ExchangeCodeAsync(string code, string? expectedNonce, string expectedUsername, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(expectedUsername);
        if (code.Length is 0 or > 1024 || code.Any(char.IsControl))
        {
            return new(DuoFailureKind.NotAllowed, DuoIdTokenFailure.None, null, null, null, null);
        }

        var http = await _transport.SendAsync(
            () => FormPost("oauth/v1/token", [
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", RedirectUri),
                new("client_id", ClientId),
                new("client_assertion_type", AssertionType),
                new("client_assertion", ClientAssertion(Authority + "/oauth/v1/token")),
            ]),
            safeToRetry: false,
            _options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);
        if (http.Failure != DuoFailureKind.None)
        {
            return new(http.Failure, DuoIdTokenFailure.None, null, http.StatusCode, null, null);
        }

        if (DuoJson.ParseObject(http.Body) is not { } body)
        {
            return new(DuoFailureKind.MalformedResponse, DuoIdTokenFailure.None, null, http.StatusCode, null, null);
        }

        if (http.Status != HttpStatusCode.OK || body.Has("error"))
        {
            var error = DuoJson.Sanitize(body.String("error"));
            var message = DuoJson.Sanitize(body.String("error_description") ?? body.String("message"));
            return new(DuoFailureKind.Rejected, DuoIdTokenFailure.None, null, http.StatusCode, error, message);
        }

        // Spec §2.7: id_token required and token_type Bearer (case-insensitive); access_token is ignored.
        if (body.String("id_token") is not { } idToken || !string.Equals(body.String("token_type"), "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new(DuoFailureKind.MalformedResponse, DuoIdTokenFailure.None, null, http.StatusCode, null, null);
        }

        var failure = DuoIdTokenValidator.Validate(
            idToken,
            ClientId,
            ClientSecret,
            Authority + "/oauth/v1/token",
            expectedUsername,
            expectedNonce,
            _time.GetUtcNow(),
            _options.ClockLeeway,
            out var token);
        return failure == DuoIdTokenFailure.None
            ? new(DuoFailureKind.None, DuoIdTokenFailure.None, token, http.StatusCode, null, null)
            : new(DuoFailureKind.InvalidIdToken, failure, failure == DuoIdTokenFailure.Denied ? token : null, http.StatusCode, null, null);
    }

    private string RedirectUri => _options.RedirectUri?.OriginalString ?? string.Empty;

    /// <summary>Spec §2.2: iss = sub = client_id, aud = the endpoint URL, exp = now + 300, a random 36-character jti, iat = now.</summary>
    private string ClientAssertion(string audience)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return DuoJwt.Sign(
            writer =>
            {
                writer.WriteString("iss", ClientId);
                writer.WriteString("sub", ClientId);
                writer.WriteString("aud", audience);
                writer.WriteNumber("exp", now + (long)JwtLifetime.TotalSeconds);
                writer.WriteString("jti", DuoStateGenerator.Generate());
                writer.WriteNumber("iat", now);
            },
            ClientSecret);
    }

    private HttpRequestMessage FormPost(string path, List<KeyValuePair<string, string>> form) =>
        new(HttpMethod.Post, new Uri(_transport.BaseAddress, path))
        {
            Content = new StringContent(FormEncode(form), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

    private static string FormEncode(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.Select(static v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));

    private static void CheckStateShape(string value, string name)
    {
        if (value.Length is < DuoStateGenerator.MinLength or > DuoStateGenerator.MaxLength
            || !value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            throw new ArgumentException($"The {name} must be {DuoStateGenerator.MinLength} to {DuoStateGenerator.MaxLength} characters from [A-Za-z0-9._~-].", name);
        }
    }
}
