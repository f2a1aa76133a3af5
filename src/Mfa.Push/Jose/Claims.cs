using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

// One source, compiled into Mfa.Push and (linked) into the BCL-only device library Mfa.Push.Device.
#if MFA_PUSH_DEVICE
namespace Mfa.Push.Device.Jose;
#else
namespace Mfa.Push.Jose;
#endif

/// <summary>Typed reads of a strictly parsed JSON object: a member of the wrong type is never coerced.</summary>
internal readonly struct Claims(JsonElement root)
{
    public const int MaxStringLength = 4096;

    public JsonElement Root => root;

    public bool Has(string name) => root.TryGetProperty(name, out _);

    /// <summary>A required, non-empty string of at most <see cref="MaxStringLength"/> characters.</summary>
    public bool TryGetString(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString();
        if (string.IsNullOrEmpty(text) || text.Length > MaxStringLength)
        {
            return false;
        }

        value = text;
        return true;
    }

    /// <summary>An optional string: false only when present with the wrong type, empty or too long.</summary>
    public bool TryGetOptionalString(string name, out string? value)
    {
        value = null;
        return !root.TryGetProperty(name, out _) || TryGetString(name, out value);
    }

    /// <summary>A required integer that fits in 64 bits (no fraction, no exponent).</summary>
    public bool TryGetInt64(string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var element)
            && element.ValueKind == JsonValueKind.Number
            && element.TryGetInt64(out value);
    }

    public bool TryGetObject(string name, out Claims value)
    {
        value = default;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = new Claims(element);
        return true;
    }

    /// <summary>Whether member <c>v</c> is the integer 1 (protocol version 1).</summary>
    public bool IsVersion1() => TryGetInt64("v", out var version) && version == 1;
}
