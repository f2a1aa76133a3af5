using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Reads a request's JSON object; anything else (bad JSON, too large, not an object) is <see langword="null"/>, never an exception.</summary>
internal static class JsonBody
{
    /// <summary>The largest body read, in bytes (a WebAuthn attestation with a certificate chain fits easily).</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32 };

    public static async Task<JsonElement?> ReadObjectAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), s_options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member, or <see langword="null"/> when absent, JSON null or not a string.</summary>
    public static string? String(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A boolean member, or <see langword="null"/>.</summary>
    public static bool? Bool(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>A whole-number member, or <see langword="null"/> when absent, not a number or not a 64-bit integer.</summary>
    public static long? Int64(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    /// <summary>An object member as raw JSON text, or <see langword="null"/>.</summary>
    public static string? ObjectText(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.GetRawText() : null;
}
