using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mfa.Duo.Http;

/// <summary>Strict, allocation-light JSON reading for Duo bodies and JWT segments (no reflection, AOT-safe).</summary>
internal static class DuoJson
{
    private static readonly JsonDocumentOptions s_options = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// Parses a JSON object; <see langword="null"/> for invalid JSON, duplicate members, a non-object, or a member name
    /// or string that escapes a lone UTF-16 surrogate (<c>"\ud800"</c>), which <see cref="JsonElement.GetString"/> would
    /// later throw <see cref="InvalidOperationException"/> for.
    /// </summary>
    public static JsonElement? ParseObject(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), s_options);
            return document.RootElement.ValueKind == JsonValueKind.Object && AllTextReadable(document.RootElement) ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads every member name and string once, so a lone surrogate fails here (throws) instead of in a caller.</summary>
    private static bool AllTextReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    _ = member.Name;
                    AllTextReadable(member.Value);
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AllTextReadable(item);
                }

                return true;
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            default:
                return true;
        }
    }

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static bool Has(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    /// <summary>A number, or (when <paramref name="allowString"/>) a string holding one; Duo's clients and fixtures use both.</summary>
    public static double? Number(this JsonElement element, string name, bool allowString)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        return allowString && value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : null;
    }

    /// <summary>Text of an integer or string member (Duo's <c>code</c> arrives as either).</summary>
    public static int? LenientInt(this JsonElement element, string name)
    {
        var number = element.Number(name, allowString: true);
        return number is { } n && n >= int.MinValue && n <= int.MaxValue && Math.Floor(n) == n ? (int)n : null;
    }

    /// <summary>Untrusted display text from Duo made safe for logs: control characters removed, length capped.</summary>
    public static string? Sanitize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, 512));
        foreach (var c in text)
        {
            if (builder.Length >= 512)
            {
                break;
            }

            if (!char.IsControl(c) && c is not ('\u2028' or '\u2029'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
