using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mfa.Soak;

/// <summary>The JSON shape of every log line: camelCase, nulls and defaults left out.</summary>
internal static class SoakJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };
}
