using System.Globalization;
using System.Text;

namespace Mfa.Push;

/// <summary>Display text from hosts and devices: no control or invisible formatting characters, no lone surrogates, bounded length.</summary>
internal static class TextRules
{
    public static string Label(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var rune in EnumerateRunes(value))
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (builder.Length + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }

    private static IEnumerable<Rune> EnumerateRunes(string value)
    {
        var index = 0;
        while (index < value.Length)
        {
            // A lone surrogate becomes U+FFFD instead of making the JSON writer throw.
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            yield return rune;
            index += Math.Max(consumed, 1);
        }
    }
}
