using System.Text;
using System.Text.Json;
using Mfa.Duo.Http;
using Mfa.Duo.Jwt;
using Mfa.Duo.Signing;
using Microsoft.Extensions.Options;

namespace Mfa.Duo.AuthApi;

/// <summary>The Auth API v2 client: signs every call (spec §4) and parses the envelope (spec §3.2).</summary>
internal sealed class DuoAuthApiClient : IDuoAuthApiClient
{
    private const int MaxArgumentLength = 1024;
    private readonly DuoHttpTransport _transport;
    private readonly DuoOptions _options;
    private readonly TimeProvider _time;

    public DuoAuthApiClient(DuoHttpTransport transport, IOptions<DuoOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _options = options.Value;
        _time = time;
    }

    public async Task<DuoApiResult<DuoPingResponse>> PingAsync(CancellationToken cancellationToken = default)
    {
        var http = await _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_transport.BaseAddress, "auth/v2/ping")),
            safeToRetry: true,
            _options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);
        return Parse(http, ParseTime);
    }

    public async Task<DuoApiResult<DuoPingResponse>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var http = await SendSignedAsync(HttpMethod.Get, "/auth/v2/check", [], safeToRetry: true, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return Parse(http, ParseTime);
    }

    public async Task<DuoApiResult<DuoPreauthResponse>> PreauthAsync(string username, string? ipAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (!IsArgument(username) || (ipAddress is not null && !IsArgument(ipAddress)))
        {
            return new(DuoFailureKind.NotAllowed);
        }

        var parameters = new List<KeyValuePair<string, string>> { new("username", username) };
        if (ipAddress is not null)
        {
            parameters.Add(new("ipaddr", ipAddress));
        }

        var http = await SendSignedAsync(HttpMethod.Post, "/auth/v2/preauth", parameters, safeToRetry: false, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return Parse(http, ParsePreauth);
    }

    public async Task<DuoApiResult<DuoAuthResponse>> AuthAsync(DuoAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsAllowed(request.Factor) || BuildAuthParameters(request) is not { } parameters)
        {
            return new(DuoFailureKind.NotAllowed);
        }

        var timeout = request.Async ? _options.RequestTimeout : _options.SynchronousAuthTimeout;

        // Never retried: a repeated auth would push or call the user twice.
        var http = await SendSignedAsync(HttpMethod.Post, "/auth/v2/auth", parameters, safeToRetry: false, timeout, cancellationToken).ConfigureAwait(false);
        return Parse<DuoAuthResponse>(http, request.Async ? ParseAsyncAuth : static r => ParseAuth(r, null));
    }

    public async Task<DuoApiResult<DuoAuthResponse>> AuthStatusAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        if (!IsArgument(transactionId))
        {
            return new(DuoFailureKind.NotAllowed);
        }

        var http = await SendSignedAsync(HttpMethod.Get, "/auth/v2/auth_status", [new("txid", transactionId)], safeToRetry: true, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return Parse(http, r => ParseAuth(r, transactionId));
    }

    /// <summary>Whether the administrator allowed the factor; auto may become push or phone, so it needs both.</summary>
    internal bool IsAllowed(DuoAuthFactor factor) => factor switch
    {
        DuoAuthFactor.Push => _options.AllowedAuthOptions.HasFlag(DuoAuthOptions.Push),
        DuoAuthFactor.Phone => _options.AllowedAuthOptions.HasFlag(DuoAuthOptions.Phone),
        DuoAuthFactor.Passcode => _options.AllowedAuthOptions.HasFlag(DuoAuthOptions.Passcode),
        DuoAuthFactor.Auto => _options.AllowedAuthOptions.HasFlag(DuoAuthOptions.Push) && _options.AllowedAuthOptions.HasFlag(DuoAuthOptions.Phone),
        _ => false,
    };

    private static List<KeyValuePair<string, string>>? BuildAuthParameters(DuoAuthRequest request)
    {
        if (!IsArgument(request.Username) || (request.IpAddress is not null && !IsArgument(request.IpAddress)))
        {
            return null;
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("username", request.Username),
            new("factor", request.Factor switch
            {
                DuoAuthFactor.Push => "push",
                DuoAuthFactor.Phone => "phone",
                DuoAuthFactor.Passcode => "passcode",
                _ => "auto",
            }),
        };
        if (request.Factor == DuoAuthFactor.Passcode)
        {
            if (request.Passcode is null || request.Passcode.Length is 0 or > 64)
            {
                return null;
            }

            parameters.Add(new("passcode", request.Passcode));
        }
        else
        {
            if (!IsArgument(request.Device))
            {
                return null;
            }

            parameters.Add(new("device", request.Device));
        }

        if (request.Async)
        {
            parameters.Add(new("async", "1"));
        }

        AddOptional(parameters, "ipaddr", request.IpAddress);
        if (request.Factor == DuoAuthFactor.Push)
        {
            AddOptional(parameters, "type", request.PushType);
            AddOptional(parameters, "display_username", request.DisplayUsername);
            if (request.PushInfo is { Length: >= 20_000 })
            {
                return null;
            }

            AddOptional(parameters, "pushinfo", request.PushInfo);
        }

        AddOptional(parameters, "txid", request.PreauthTransactionId);
        return parameters;
    }

    private static void AddOptional(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }

    private static bool IsArgument(string value) => value.Length is > 0 and <= MaxArgumentLength && !value.Contains('\0', StringComparison.Ordinal);

    private Task<DuoHttpResponse> SendSignedAsync(
        HttpMethod method,
        string path,
        List<KeyValuePair<string, string>> parameters,
        bool safeToRetry,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var isGet = method == HttpMethod.Get;
        var v5 = _options.SignatureVersion == DuoSignatureVersion.V5;
        return _transport.SendAsync(
            () =>
            {
                // A fresh date and signature per attempt: a retry must not carry a stale date.
                var date = DuoDate.Format(_time.GetUtcNow());
                var body = !isGet && v5 ? JsonBody(parameters) : null;
                var signed = DuoRequestSigner.Sign(new DuoSigningRequest
                {
                    IntegrationKey = _options.IntegrationKey ?? string.Empty,
                    SecretKey = _options.SecretKey ?? string.Empty,
                    Host = _options.ApiHost,
                    Method = method.Method,
                    Path = path,
                    Date = date,
                    Parameters = isGet || !v5 ? parameters : [],
                    Body = body,
                    Version = _options.SignatureVersion,
                    Hash = DuoSignatureHash.Sha512,
                    DateHeader = DuoDateHeader.XDuoDate,
                });
                var query = isGet && parameters.Count > 0 ? "?" + DuoRequestSigner.CanonicalizeParameters(parameters) : string.Empty;
                var message = new HttpRequestMessage(method, new Uri(_transport.BaseAddress, path.TrimStart('/') + query));
                message.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
                message.Headers.TryAddWithoutValidation("X-Duo-Date", date);
                if (body is not null)
                {
                    message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }
                else if (!isGet)
                {
                    message.Content = new StringContent(DuoRequestSigner.CanonicalizeParameters(parameters), Encoding.UTF8, "application/x-www-form-urlencoded");
                }

                return message;
            },
            safeToRetry,
            timeout,
            cancellationToken);
    }

    /// <summary>The v5 JSON body as duo_client_python writes it: sorted keys, compact, string values.</summary>
    private static string JsonBody(List<KeyValuePair<string, string>> parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var parameter in parameters.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(parameter.Key, parameter.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static DuoApiResult<T> Parse<T>(DuoHttpResponse http, Func<JsonElement, T?> parse)
        where T : class
    {
        var envelope = DuoEnvelope.From(http);
        if (envelope.Failure != DuoFailureKind.None)
        {
            return new(envelope.Failure, envelope.HttpStatus, envelope.Code, envelope.Message);
        }

        return parse(envelope.Response) is { } value
            ? new(value, envelope.HttpStatus)
            : new(DuoFailureKind.MalformedResponse, envelope.HttpStatus);
    }

    private static DuoPingResponse? ParseTime(JsonElement response) =>
        response.Number("time", allowString: true) is { } time ? new DuoPingResponse(DuoIdToken.FromSeconds(time)) : null;

    private static DuoPreauthResponse? ParsePreauth(JsonElement response)
    {
        DuoPreauthOutcome? outcome = response.String("result") switch
        {
            "auth" => DuoPreauthOutcome.Auth,
            "allow" => DuoPreauthOutcome.Allow,
            "deny" => DuoPreauthOutcome.Deny,
            "enroll" => DuoPreauthOutcome.Enroll,
            _ => null,
        };
        if (outcome is null)
        {
            return null;
        }

        var devices = new List<DuoDevice>();
        if (response.TryGetProperty("devices", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var item in list.EnumerateArray())
            {
                if (item.String("device") is not { Length: > 0 } id)
                {
                    return null;
                }

                devices.Add(new DuoDevice(
                    DuoJson.Sanitize(id)!,
                    DuoJson.Sanitize(item.String("type")),
                    DuoJson.Sanitize(item.String("name")),
                    DuoJson.Sanitize(item.String("display_name")),
                    DuoJson.Sanitize(item.String("number")),
                    Capabilities(item)));
            }
        }

        var portal = response.String("enroll_portal_url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
        return new DuoPreauthResponse(outcome.Value, DuoJson.Sanitize(response.String("status_msg")), devices, portal, response.String("txid"));
    }

    private static DuoDeviceCapabilities Capabilities(JsonElement device)
    {
        var capabilities = DuoDeviceCapabilities.None;
        if (!device.TryGetProperty("capabilities", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return capabilities;
        }

        foreach (var item in list.EnumerateArray())
        {
            capabilities |= (item.ValueKind == JsonValueKind.String ? item.GetString() : null) switch
            {
                "auto" => DuoDeviceCapabilities.Auto,
                "push" => DuoDeviceCapabilities.Push,
                "phone" => DuoDeviceCapabilities.Phone,
                "sms" => DuoDeviceCapabilities.Sms,
                "mobile_otp" => DuoDeviceCapabilities.MobileOtp,
                _ => DuoDeviceCapabilities.None,
            };
        }

        return capabilities;
    }

    private static DuoAuthResponse? ParseAsyncAuth(JsonElement response) =>
        response.String("txid") is { Length: > 0 and <= MaxArgumentLength } txid
            ? new DuoAuthResponse(DuoAuthOutcome.Waiting, txid, null, null, null)
            : null;

    private static DuoAuthResponse? ParseAuth(JsonElement response, string? transactionId)
    {
        DuoAuthOutcome? outcome = response.String("result") switch
        {
            "allow" => DuoAuthOutcome.Allow,
            "deny" => DuoAuthOutcome.Deny,
            "waiting" when transactionId is not null => DuoAuthOutcome.Waiting,
            _ => null,
        };
        return outcome is { } o
            ? new DuoAuthResponse(o, transactionId, DuoJson.Sanitize(response.String("status")), DuoJson.Sanitize(response.String("status_msg")), response.String("trusted_device_token"))
            : null;
    }
}
