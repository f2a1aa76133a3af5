using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mfa.Push.Transports;
using Mfa.Push.Transports.WebPush;
using Microsoft.AspNetCore.Http;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>
/// A Web Push service (RFC 8030) on loopback, with one restricted subscription: it checks what a real one checks —
/// the VAPID token (signature, aud, exp, sub) and key, the TTL/Urgency/Topic headers and the content coding — then
/// decrypts the body with the subscription's private key as the browser would, and answers with the next scripted status.
/// </summary>
internal sealed class FakeWebPushService : IAsyncDisposable
{
    private readonly LoopbackHttpsServer _server;
    private readonly TimeProvider _time;
    private readonly byte[] _vapidKey;
    private readonly ECDiffieHellman _userAgent = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    private FakeWebPushService(LoopbackHttpsServer server, TimeProvider time, byte[] vapidKey)
    {
        _server = server;
        _time = time;
        _vapidKey = vapidKey;
    }

    /// <summary>Statuses to answer, in order (with optional Retry-After seconds); 201 when empty; -1 never answers.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Script { get; } = new();

    public ConcurrentQueue<WebPushDelivery> Deliveries { get; } = new();

    /// <summary>Requests refused by a check, with the check that failed.</summary>
    public ConcurrentQueue<string> Rejections { get; } = new();

    public PushAddress Subscription => new(
        PushAddressKind.WebPush,
        new Uri(_server.BaseAddress, "push/sub-1").AbsoluteUri,
        System.Buffers.Text.Base64Url.EncodeToString(WebPushEncryption.ExportPublicKey(_userAgent)),
        System.Buffers.Text.Base64Url.EncodeToString(_auth));

    public static async Task<FakeWebPushService> StartAsync(TimeProvider time, string vapidPublicKey)
    {
        FakeWebPushService? service = null;
        var server = await LoopbackHttpsServer.StartAsync(context => service!.HandleAsync(context));
        service = new FakeWebPushService(server, time, System.Buffers.Text.Base64Url.DecodeFromChars(vapidPublicKey));
        return service;
    }

    public HttpMessageHandler CreateTrustingHandler() => _server.CreateTrustingHandler();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _userAgent.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var resource = new Uri(request.Scheme + "://" + request.Host + request.Path);
        var failure = Check(request, resource);
        if (failure is not null)
        {
            Rejections.Enqueue(failure.Value.Reason);
            context.Response.StatusCode = failure.Value.Status;
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var decrypted = WebPushEncryption.Decrypt(body, _userAgent.ExportParameters(true).D!, _auth);
        if (!decrypted.Succeeded)
        {
            Rejections.Enqueue("body: " + decrypted.Failure);
            context.Response.StatusCode = 400;
            return;
        }

        Deliveries.Enqueue(new WebPushDelivery(
            request.Headers["TTL"].ToString(), request.Headers["Urgency"].ToString(), request.Headers["Topic"].ToString(),
            request.Headers.Authorization.ToString(), body.Length, decrypted.Plaintext));
        if (Script.TryDequeue(out var next))
        {
            if (next.Status < 0)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = next.Status;
            if (next.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = next.RetryAfter;
            }

            return;
        }

        context.Response.StatusCode = 201;
        context.Response.Headers.Location = "/message/1";
    }

    private (int Status, string Reason)? Check(HttpRequest request, Uri resource)
    {
        if (request.Method != "POST" || request.Path != "/push/sub-1")
        {
            return (404, "no such subscription");
        }

        // RFC 8030 §5.2: TTL is required.
        if (!long.TryParse(request.Headers["TTL"], out var ttl) || ttl < 0)
        {
            return (400, "TTL");
        }

        if (request.Headers.TryGetValue("Urgency", out var urgency) && urgency.ToString() is not ("very-low" or "low" or "normal" or "high"))
        {
            return (400, "Urgency");
        }

        if (request.Headers.TryGetValue("Topic", out var topic)
            && (topic.ToString().Length > 32 || !topic.ToString().All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return (400, "Topic");
        }

        // RFC 8291 §4: exactly the one content coding.
        if (request.Headers.ContentEncoding.ToString() != "aes128gcm")
        {
            return (400, "Content-Encoding");
        }

        // RFC 8292 §4.2: a restricted subscription needs a valid token for this origin, signed by the key it was made with.
        var vapid = VapidVerifier.VerifyHeader(request.Headers.Authorization, resource, _time.GetUtcNow(), _vapidKey);
        return vapid == VapidCheck.Valid ? null : (vapid is VapidCheck.Malformed ? 401 : 403, "VAPID " + vapid);
    }
}
