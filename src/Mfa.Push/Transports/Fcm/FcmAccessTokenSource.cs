using System.Text.Json;
using Mfa.Push.Transports.Http;
using Microsoft.Extensions.Options;

namespace Mfa.Push.Transports.Fcm;

/// <summary>
/// Gets and caches the OAuth 2.0 access token for FCM through the JWT bearer grant (RFC 7523; push spec §12.2):
/// one token per service account, refreshed 5 minutes before it expires, one refresh at a time.
/// </summary>
internal sealed class FcmAccessTokenSource : IDisposable
{
    /// <summary>The narrowest scope that allows <c>messages:send</c>.</summary>
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan s_assertionLifetime = TimeSpan.FromHours(1);

    private readonly IHttpClientFactory _httpClients;
    private readonly FcmOptions _options;
    private readonly TimeProvider _time;
    private readonly FcmServiceAccount _account;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile FcmAccessToken? _current;

    public FcmAccessTokenSource(IHttpClientFactory httpClients, IOptions<FcmOptions> options, TimeProvider time)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _time = time;

        // The options validator has parsed the same JSON; a null here means validation was bypassed.
        _account = FcmServiceAccount.TryParse(_options.ServiceAccountJson)
            ?? throw new OptionsValidationException(nameof(FcmOptions), typeof(FcmOptions), ["ServiceAccountJson: not a service-account key file."]);
    }

    /// <summary>The project messages are sent through.</summary>
    public string ProjectId => _options.ProjectId ?? _account.ProjectId ?? "";

    /// <summary>A valid token, from the cache or freshly granted; or the failure of the grant.</summary>
    public async Task<(FcmAccessToken? Token, PushSendResult? Fault)> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() < current.RefreshAt)
        {
            return (current, null);
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            current = _current;
            if (current is not null && _time.GetUtcNow() < current.RefreshAt)
            {
                return (current, null);
            }

            var (token, fault) = await RequestAsync(cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                _current = token;
            }

            return (token, fault);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> after FCM refused it (401), unless it was already replaced.</summary>
    public void Invalidate(FcmAccessToken token) => Interlocked.CompareExchange(ref _current, null, token);

    public void Dispose()
    {
        _refresh.Dispose();
        _account.Dispose();
    }

    /// <summary>RFC 7523 §2.1 / push spec §12.2 steps 2–4.</summary>
    private async Task<(FcmAccessToken? Token, PushSendResult? Fault)> RequestAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, _account.TokenUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                new("assertion", Assertion(now)),
            ]),
        };
        var client = _httpClients.CreateClient(FcmOptions.HttpClientName);
        var (response, fault) = await PushHttp.SendAsync(client, request, _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return (null, fault);
        }

        using (response)
        {
            var body = await PushHttp.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // 400 invalid_grant / 401 invalid_client: a wrong or revoked key, a skewed clock — not fixed by retrying.
                var error = PushHttp.SafeReason(ReadString(body, "error"));
                var result = PushHttp.FromStatus(response, _time, error is null ? "token" : "token " + error);
                return (null, result.Outcome == PushSendOutcome.InvalidAddress ? result with { Outcome = PushSendOutcome.ConfigError } : result);
            }

            var accessToken = ReadString(body, "access_token");
            var expiresIn = ReadNumber(body, "expires_in");
            if (accessToken is null || expiresIn is null or <= 0)
            {
                return (null, new PushSendResult(PushSendOutcome.TransientError, Detail: "token response unreadable"));
            }

            var lifetime = TimeSpan.FromSeconds(expiresIn.Value);
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            return (new FcmAccessToken(accessToken, now + lifetime - margin), null);
        }
    }

    /// <summary>The signed JWT: RS256 with <c>kid</c>; <c>iss</c>, <c>scope</c>, <c>aud</c>, <c>iat</c>, <c>exp</c> ≤ iat + 1 h.</summary>
    private string Assertion(DateTimeOffset now) => CompactJwt.SignRs256(
        _account.Key,
        header =>
        {
            header.WriteString("alg", "RS256");
            header.WriteString("typ", "JWT");
            header.WriteString("kid", _account.KeyId);
        },
        claims =>
        {
            claims.WriteString("iss", _account.ClientEmail);
            claims.WriteString("scope", Scope);
            claims.WriteString("aud", _account.TokenUri.AbsoluteUri);
            claims.WriteNumber("iat", now.ToUnixTimeSeconds());
            claims.WriteNumber("exp", (now + s_assertionLifetime).ToUnixTimeSeconds());
        });

    private static string? ReadString(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? ReadNumber(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt64(out var number)
                ? number
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
