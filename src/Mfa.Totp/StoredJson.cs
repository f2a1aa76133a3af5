using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mfa.Totp;

/// <summary>Reads the JSON the TOTP and HOTP factors keep (records, enrollment and challenge state): unreadable is <see langword="false"/>, never an exception.</summary>
internal static class StoredJson
{
    public static bool TryRead<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type, out T value)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(json, type)!;
            return value is not null;
        }
        catch (JsonException)
        {
            value = null!;
            return false;
        }
    }

    public static bool TryRead<T>(string json, JsonTypeInfo<T> type, out T value)
        where T : class => TryRead(System.Text.Encoding.UTF8.GetBytes(json), type, out value);
}
