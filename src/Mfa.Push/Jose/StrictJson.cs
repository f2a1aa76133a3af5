using System.Text.Json;

// One source, compiled into Mfa.Push and (linked) into the BCL-only device library Mfa.Push.Device.
#if MFA_PUSH_DEVICE
namespace Mfa.Push.Device.Jose;
#else
namespace Mfa.Push.Jose;
#endif

/// <summary>
/// Strict JSON (push spec §2): UTF-8 without a BOM, one object, no duplicate member names at any depth, no strings that
/// are not valid Unicode (invalid UTF-8, lone surrogate escapes), no comments or trailing commas, bounded depth.
/// </summary>
internal static class StrictJson
{
    public const int MaxDepth = 16;

    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Parses <paramref name="utf8"/> as one JSON object; the element is detached from any document.</summary>
    public static bool TryParseObject(ReadOnlySpan<byte> utf8, out JsonElement root)
    {
        root = default;
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            return false;
        }

        try
        {
            if (!IsStrict(utf8))
            {
                return false;
            }

            using var document = JsonDocument.Parse(utf8.ToArray(), s_documentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for invalid UTF-8 and lone surrogate escapes.
            return false;
        }
    }

    /// <summary>Parses <paramref name="json"/> (a .NET string) as one strict JSON object.</summary>
    public static bool TryParseObject(string json, out JsonElement root)
    {
        root = default;
        byte[] utf8;
        try
        {
            utf8 = new System.Text.UTF8Encoding(false, true).GetBytes(json);
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }

        return TryParseObject(utf8, out root);
    }

    private static bool IsStrict(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_readerOptions);
        var scopes = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    // Compared after unescaping, so "a" and "\u0061" are the same member.
                    if (scopes.Peek() is not { } names || !names.Add(reader.GetString() ?? string.Empty))
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.String:
                    _ = reader.GetString();
                    break;
                default:
                    break;
            }
        }

        return true;
    }
}
