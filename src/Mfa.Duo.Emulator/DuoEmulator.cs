using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mfa.Duo.Emulator.Scripting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Mfa.Duo.Emulator;

/// <summary>
/// A loopback Duo (spec §7): Kestrel on 127.0.0.1 serving <c>/auth/v2/{ping,check,preauth,auth,auth_status}</c> and
/// <c>/oauth/v1/{health_check,authorize,token}</c>, checking signatures and JWTs the way Duo does, with scripted users.
/// Point a client at <see cref="ApiHost"/> with <c>DuoOptions.AllowInsecureLoopbackHttp</c>.
/// </summary>
public sealed partial class DuoEmulator : IAsyncDisposable
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly DuoEmulatorOptions _options;
    private readonly ConcurrentDictionary<string, DuoEmulatorUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<DuoEmulatorRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _held = new(0);
    private WebApplication? _app;
    private string _apiHost = string.Empty;

    private DuoEmulator(DuoEmulatorOptions options) => _options = options;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The API host to configure clients with: <see cref="DuoEmulatorOptions.ApiHost"/>, or <c>127.0.0.1:{port}</c>.</summary>
    public string ApiHost => _apiHost;

    /// <summary>The emulator's options (credentials, clock).</summary>
    public DuoEmulatorOptions Options => _options;

    /// <summary>Failure injection for every endpoint ("Duo down").</summary>
    public DuoEmulatorOutage Outage { get; set; }

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<DuoEmulatorRequest> Requests => [.. _requests];

    /// <summary>
    /// Waits until the emulator holds one more request open (a <see cref="DuoEmulatorOutage.Hang"/>, or an
    /// <c>auth_status</c> long-poll): the client's timer is then running, so a test with a fake clock can move it.
    /// Each held request satisfies one wait.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when a request is held.</returns>
    public Task WaitForHeldRequestAsync(CancellationToken cancellationToken = default) => _held.WaitAsync(cancellationToken);

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<DuoEmulator> StartAsync(DuoEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new DuoEmulator(options ?? new DuoEmulatorOptions());
        await emulator.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Adds (or replaces) a scripted user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The user, to script further.</returns>
    public DuoEmulatorUser AddUser(DuoEmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _users[user.Username] = user;
        return user;
    }

    /// <summary>Adds (or replaces) an active user with one phone.</summary>
    /// <param name="username">The username.</param>
    /// <returns>The user, to script further.</returns>
    public DuoEmulatorUser AddUser(string username) => AddUser(new DuoEmulatorUser(username));

    /// <summary>The scripted user with this name or alias (ignoring case), if any.</summary>
    /// <param name="username">The name or alias.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public DuoEmulatorUser? GetUser(string username) => FindUser(username);

    /// <summary>Stops listening (later calls fail as "unreachable").</summary>
    /// <returns>A task.</returns>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        _held.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, _options.Port);
            k.AddServerHeader = false;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(_app.Urls.First());
        BaseAddress = new Uri($"http://127.0.0.1:{address.Port.ToString(CultureInfo.InvariantCulture)}/");
        _apiHost = _options.ApiHost ?? $"127.0.0.1:{address.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private string Authority => "https://" + _apiHost;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (path.StartsWith("/__emulator/", StringComparison.Ordinal))
            {
                await HandleControlAsync(context, path).ConfigureAwait(false);
                return;
            }

            switch (Outage)
            {
                case DuoEmulatorOutage.Hang:
                    using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                    {
                        _held.Release();
                        await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
                    }

                    return;
                case DuoEmulatorOutage.ServerError:
                    await WriteFailAsync(context, 503, 50301, "Service unavailable").ConfigureAwait(false);
                    return;
                case DuoEmulatorOutage.RateLimited:
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "0";
                    return;
            }

            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                await WriteFailAsync(context, 413, 41301, "Request too large").ConfigureAwait(false);
                return;
            }

            if (path.StartsWith("/oauth/v1/", StringComparison.Ordinal))
            {
                await HandleUniversalAsync(context, path, body).ConfigureAwait(false);
            }
            else
            {
                await HandleAuthApiAsync(context, path, body).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the emulator is stopping.
        }
        finally
        {
            _requests.Enqueue(new DuoEmulatorRequest(context.Request.Method, path, context.Response.StatusCode));
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The request parameters: query, then a form body, then a JSON object body (string, number and boolean values); first wins.</summary>
    private static Dictionary<string, string> Parameters(HttpRequest request, byte[] body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in QueryPairs(request).Concat(FormPairs(request, body)))
        {
            parameters.TryAdd(pair.Key, pair.Value);
        }

        if (IsContentType(request, "application/json") && Http.DuoJson.ParseObject(body) is { } json)
        {
            foreach (var member in json.EnumerateObject())
            {
                var value = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.Value.GetRawText(),
                    _ => null,
                };
                if (value is not null)
                {
                    parameters.TryAdd(member.Name, value);
                }
            }
        }

        return parameters;
    }

    private static List<KeyValuePair<string, string>> QueryPairs(HttpRequest request) =>
        Flatten(QueryHelpers.ParseQuery(request.QueryString.Value));

    private static List<KeyValuePair<string, string>> FormPairs(HttpRequest request, byte[] body) =>
        IsContentType(request, "application/x-www-form-urlencoded") ? Flatten(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))) : [];

    private static List<KeyValuePair<string, string>> Flatten(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values) =>
        [.. values.SelectMany(static kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty)))];

    private static bool IsContentType(HttpRequest request, string mediaType) =>
        request.ContentType is { } type && type.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? raw[..query] : raw;
    }

    private static string RandomId(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    private DuoEmulatorUser? FindUser(string? name) =>
        string.IsNullOrEmpty(name) ? null : _users.TryGetValue(name, out var user) ? user : _users.Values.FirstOrDefault(u => u.IsNamed(name));

    private static Task WriteFailAsync(HttpContext context, int status, int code, string message, string? detail = null) =>
        WriteJsonAsync(context, status, writer =>
        {
            writer.WriteString("stat", "FAIL");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (detail is not null)
            {
                writer.WriteString("message_detail", detail);
            }
        });

    private static Task WriteOkAsync(HttpContext context, Action<Utf8JsonWriter> response) =>
        WriteJsonAsync(context, 200, writer =>
        {
            // Spec §3.2: never a code member on success (authelia #11717).
            writer.WriteString("stat", "OK");
            writer.WriteStartObject("response");
            response(writer);
            writer.WriteEndObject();
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }
}
