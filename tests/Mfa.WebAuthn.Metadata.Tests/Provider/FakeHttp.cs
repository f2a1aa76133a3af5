using System.Net;

namespace Mfa.WebAuthn.Metadata.Tests.Provider;

/// <summary>Serves fixed bytes per URL; never touches the network. Records the URLs asked for.</summary>
internal sealed class FakeHttp : HttpMessageHandler, IHttpClientFactory
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    public FakeHttp Serve(string url, byte[] body)
    {
        _routes[url] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        return this;
    }

    public FakeHttp Fail(string url, HttpStatusCode status)
    {
        _routes[url] = () => new HttpResponseMessage(status);
        return this;
    }

    public FakeHttp Throw(string url)
    {
        _routes[url] = () => throw new HttpRequestException("connection refused");
        return this;
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        Requests.Add(url);
        return Task.FromResult(_routes.TryGetValue(url, out var respond) ? respond() : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
