using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>Serializes ceremony state into the opaque bytes the challenge store keeps.</summary>
internal static class CeremonyState
{
    public static byte[] Write<T>(T state, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);

    public static bool TryRead<T>(ReadOnlyMemory<byte> bytes, JsonTypeInfo<T> typeInfo, out T state)
        where T : class
    {
        state = null!;
        try
        {
            var read = JsonSerializer.Deserialize(bytes.Span, typeInfo);
            if (read is null)
            {
                return false;
            }

            state = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
