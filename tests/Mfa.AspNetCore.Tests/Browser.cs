using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mfa.AspNetCore.Tests;

/// <summary>A browser session against the test host: cookies, the antiforgery token, JSON helpers.</summary>
internal sealed class Browser(HttpClient client, CookieHandler handler) : IDisposable
{
    private (string Header, string Token)? _token;

    public HttpClient Client { get; } = client;

    public CookieHandler Handler { get; } = handler;

    public async Task<HttpResponseMessage> LoginAsync(string user) => await Client.PostAsync($"/login?user={Uri.EscapeDataString(user)}", null);

    public async Task RefreshTokenAsync()
    {
        var json = await Client.GetFromJsonAsync<JsonElement>("/mfa/antiforgery");
        _token = (json.GetProperty("headerName").GetString()!, json.GetProperty("token").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool antiforgery = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (antiforgery && method != HttpMethod.Get)
        {
            await RefreshTokenAsync();
            request.Headers.Add(_token!.Value.Header, _token.Value.Token);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool antiforgery = true) => SendAsync(HttpMethod.Post, path, body ?? new { }, antiforgery);

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject();

    public void Dispose() => Client.Dispose();
}
