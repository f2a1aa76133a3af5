using System.Globalization;
using System.Text;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// Seeded hostile input: random bytes as text, random JSON of the wrong types, huge numbers, nulls, deep nesting, lone
/// UTF-16 surrogates and NUL, and structural mutations of a valid sample (so that the input gets past the first check).
/// The same seed gives the same inputs; a failure message prints the seed and case number to replay it.
/// </summary>
internal sealed class RandomInput(int seed)
{
    private static readonly string[] s_atoms =
    [
        "\uD800", "\uDC00", "\uDBFF\uDBFF", "\0", "\\u0000", "\\uD800", "\\uDFFF", "\\ud83d", "\uFFFF", "\uFEFF", "\u202E",
        "null", "true", "false", "0", "-0", "1e400", "-1e400", "99999999999999999999999999999", "-9223372036854775809",
        "18446744073709551616", "1.5", "NaN", "\"\"", "[]", "{}", "%00", "%", "%ZZ", "\r\n", " ", "=", "&", "?", "#", "/",
        "..", "A", "AAAA", "====", "-", "_", "+", "~", "é", "\u00A0", "\\", "\"",
    ];

    private readonly Random _random = new(seed);

    public int Seed => seed;

    /// <summary>The input of the running case, set by the test, shown (escaped) with a finding.</summary>
    public string? Current { get; set; }

    public int Next(int max) => _random.Next(max);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public byte[] Bytes(int max)
    {
        var bytes = new byte[_random.Next(max + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A hostile string: raw chars (surrogates and NUL included), atoms, UTF-8 or Latin-1 decoded bytes.</summary>
    public string Text(int maxLength = 64)
    {
        switch (_random.Next(6))
        {
            case 0:
                return new string([.. Enumerable.Range(0, _random.Next(maxLength + 1)).Select(_ => (char)_random.Next(0x10000))]);
            case 1:
                return string.Concat(Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(s_atoms)));
            case 2:
                return Encoding.UTF8.GetString(Bytes(maxLength));
            case 3:
                return Encoding.Latin1.GetString(Bytes(maxLength));
            case 4:
                return Pick(s_atoms);
            default:
                return new string('A', _random.Next(maxLength * 64));
        }
    }

    /// <summary>A random JSON-ish value: any type, huge numbers, deep nesting, broken syntax now and then.</summary>
    public string Json(int depth = 0)
    {
        var choice = depth > 6 ? _random.Next(5) : _random.Next(10);
        switch (choice)
        {
            case 0:
                return "null";
            case 1:
                return Chance(50) ? "true" : "false";
            case 2:
                return Pick(["0", "-1", "1e400", "-1e400", "1E+9999", "123456789012345678901234567890", "4294967296", "-2147483649", "0.5", "-0"]);
            case 3:
                return "\"" + Text() + "\"";
            case 4:
                return "\"" + Pick(s_atoms) + "\"";
            case 5:
                return "[" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => Json(depth + 1))) + "]";
            case 6:
                return "{" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => "\"" + Pick(s_atoms) + "\":" + Json(depth + 1))) + "}";
            case 7:
                var deep = _random.Next(10, 3000);
                return new string('[', deep) + new string(']', Chance(80) ? deep : _random.Next(deep));
            case 8:
                return Text();
            default:
                return "{\"" + Text(8) + "\":" + Json(depth + 1) + "}";
        }
    }

    /// <summary>
    /// <paramref name="sample"/> changed in one to three places: a JSON value replaced by a hostile one, a string value's
    /// characters replaced by surrogates or NUL, bytes flipped, cut or duplicated.
    /// </summary>
    public string Mutate(string sample)
    {
        var text = sample;
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            text = MutateOnce(text);
        }

        return text;
    }

    /// <summary>One of: a mutation of a sample, or fresh random JSON or text.</summary>
    public string Any(params string[] samples) =>
        samples.Length > 0 && Chance(70) ? Mutate(Pick(samples)) : Chance(60) ? Json() : Text(256);

    public override string ToString() => "seed " + seed.ToString(CultureInfo.InvariantCulture);

    private string MutateOnce(string text)
    {
        if (text.Length == 0)
        {
            return Json();
        }

        var at = _random.Next(text.Length);
        switch (_random.Next(8))
        {
            case 0:
            case 1:
                return ReplaceValue(text);
            case 2:
                return text.Insert(at, Pick(s_atoms));
            case 3:
                return text.Remove(at, Math.Min(_random.Next(1, 16), text.Length - at));
            case 4:
                return text[..at];
            case 5:
                return text.Insert(at, text[at..Math.Min(text.Length, at + _random.Next(1, 64))]);
            case 6:
                var chars = text.ToCharArray();
                chars[at] = (char)(chars[at] ^ (1 << _random.Next(16)));
                return new string(chars);
            default:
                return text.Insert(at, Json());
        }
    }

    /// <summary>Finds a JSON value (after a ':' or inside a string) and replaces it with a hostile one.</summary>
    private string ReplaceValue(string text)
    {
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return text.Insert(_random.Next(text.Length), Pick(s_atoms));
        }

        var start = Pick(colons) + 1;
        var end = ValueEnd(text, start);
        var replacement = _random.Next(3) switch
        {
            0 => Json(),
            1 => "\"" + Pick(s_atoms) + "\"",
            _ => text[start..end].Length > 2 && text[start] == '"' ? "\"" + Splice(text[(start + 1)..(end - 1)]) + "\"" : Json(),
        };
        return text[..start] + replacement + text[end..];
    }

    private string Splice(string value)
    {
        var at = _random.Next(value.Length + 1);
        return value[..at] + Pick(s_atoms) + value[at..];
    }

    private static int ValueEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }
}
