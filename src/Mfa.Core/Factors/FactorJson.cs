using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mfa.Core.Factors;

/// <summary>
/// Reads the JSON a factor keeps for itself (its <see cref="AuthenticatorRecord.Data"/>, enrollment and challenge state,
/// an out-of-band answer): unreadable JSON, a JSON <c>null</c> or empty input is <see langword="false"/>, never an
/// exception, so that a factor can answer unreadable state with a typed failure (the factor conventions).
/// </summary>
public static class FactorJson
{
    /// <summary>Deserializes <paramref name="json"/> with the source-generated <paramref name="type"/>.</summary>
    /// <typeparam name="T">The stored type.</typeparam>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <param name="type">The type's metadata (a <c>JsonSerializerContext</c> member).</param>
    /// <param name="value">The value read, when this returns <see langword="true"/>.</param>
    /// <returns>Whether a value was read.</returns>
    public static bool TryRead<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            value = JsonSerializer.Deserialize(json, type);
            return value is not null;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>Deserializes <paramref name="json"/> (text, as <see cref="AuthenticatorRecord.Data"/> holds it).</summary>
    /// <typeparam name="T">The stored type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="type">The type's metadata.</param>
    /// <param name="value">The value read, when this returns <see langword="true"/>.</param>
    /// <returns>Whether a value was read.</returns>
    public static bool TryRead<T>(string json, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryRead(Encoding.UTF8.GetBytes(json), type, out value);
    }
}
