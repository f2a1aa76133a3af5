using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Writes a JSON response with <see cref="Utf8JsonWriter"/> (no reflection, so the package stays AOT-safe).</summary>
internal static class JsonReply
{
    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }

    public static Task OkAsync(HttpContext context, Action<Utf8JsonWriter> write) => WriteAsync(context, StatusCodes.Status200OK, write);

    /// <summary>Writes an ISO 8601 time, or nothing when <see langword="null"/>.</summary>
    public static void WriteTime(this Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at);
        }
    }

    /// <summary>Writes a string, or nothing when <see langword="null"/>.</summary>
    public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes <c>camelCase</c> of an enum member name.</summary>
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
