using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>JSON values shared by the creation and request options writers (WebAuthn L3 §5.1 JSON forms).</summary>
internal static class CeremonyJson
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteDescriptors(Utf8JsonWriter writer, string name, IReadOnlyList<CredentialDescriptor> descriptors)
    {
        writer.WriteStartArray(name);
        foreach (var descriptor in descriptors)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "public-key");
            writer.WriteString("id", descriptor.Id);
            if (descriptor.Transports is { Count: > 0 } transports)
            {
                writer.WriteStartArray("transports");
                foreach (var transport in transports)
                {
                    writer.WriteStringValue(transport);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteHints(Utf8JsonWriter writer, IReadOnlyList<string> hints)
    {
        writer.WriteStartArray("hints");
        foreach (var hint in hints)
        {
            writer.WriteStringValue(hint);
        }

        writer.WriteEndArray();
    }

    public static string Name(UserVerificationRequirement requirement) => requirement switch
    {
        UserVerificationRequirement.Required => "required",
        UserVerificationRequirement.Discouraged => "discouraged",
        _ => "preferred",
    };

    public static string Name(ResidentKeyRequirement requirement) => requirement switch
    {
        ResidentKeyRequirement.Required => "required",
        ResidentKeyRequirement.Preferred => "preferred",
        _ => "discouraged",
    };

    public static string Name(AttestationConveyance conveyance) => conveyance switch
    {
        AttestationConveyance.Indirect => "indirect",
        AttestationConveyance.Direct => "direct",
        AttestationConveyance.Enterprise => "enterprise",
        _ => "none",
    };
}
