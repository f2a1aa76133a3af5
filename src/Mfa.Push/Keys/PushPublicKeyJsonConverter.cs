using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mfa.Push.Keys;

/// <summary>Stores a <see cref="PushPublicKey"/> as its public JWK; reading checks the point again.</summary>
internal sealed class PushPublicKeyJsonConverter : JsonConverter<PushPublicKey>
{
    public override PushPublicKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return PushPublicKey.TryFromJwk(document.RootElement, out var key) ? key : throw new JsonException("Not a P-256 public JWK.");
    }

    public override void Write(Utf8JsonWriter writer, PushPublicKey value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.WriteJwk(writer);
    }
}
