using System.Net;
using System.Text;
using System.Text.Json;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// A Duo server for tests, answering from TestData/response-examples.json: with <see cref="Random"/> unset, the first
/// successful example for the endpoint; with it set, a mutated example (or random JSON) under a random HTTP status.
/// </summary>
internal sealed class DuoResponder : HttpMessageHandler
{
    private static readonly HttpStatusCode[] s_statuses = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable];
    private readonly List<(string Path, int Status, string Body)> _examples = [];

    public DuoResponder()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "response-examples.json")));
        foreach (var example in document.RootElement.GetProperty("examples").EnumerateArray())
        {
            var endpoint = example.GetProperty("endpoint").GetString()!;
            if (example.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
            {
                var status = example.TryGetProperty("http_status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 200;
                _examples.Add((endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..], status, body.GetRawText()));
            }
        }
    }

    /// <summary>When set, responses are random; otherwise the first successful example.</summary>
    public RandomInput? Random { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var matching = _examples.Where(e => e.Path == path || e.Path == "any").ToList();
        if (Random is not { } random)
        {
            var good = matching.First(e => e.Status == 200 && e.Body.Contains("\"OK\"", StringComparison.Ordinal) || e.Path == path && e.Body.Contains("access_token", StringComparison.Ordinal));
            return Task.FromResult(Response(HttpStatusCode.OK, good.Body));
        }

        var status = random.Chance(70) && matching.Count > 0 ? (HttpStatusCode)random.Pick(matching).Status : random.Pick(s_statuses);
        var body = random.Chance(80) && matching.Count > 0 ? random.Mutate(random.Pick(matching).Body) : random.Any();
        random.Current = path + " " + body;
        return Task.FromResult(Response(status, body));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/json" } } } };
}
