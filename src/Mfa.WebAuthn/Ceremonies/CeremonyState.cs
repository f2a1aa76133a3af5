using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>Serializes ceremony state into the opaque bytes the challenge store keeps.</summary>
internal static class CeremonyState
{
    public static byte[] Write<T>(T state, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);
}
