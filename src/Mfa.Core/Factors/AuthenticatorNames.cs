using System.Globalization;
using System.Text;

namespace Mfa.Core.Factors;

/// <summary>
/// The one rule for authenticator names, applied by the service at enrollment (before anything is stored or consumed)
/// and at rename: 1 to <see cref="MaxLength"/> characters after trimming; no control characters, invisible formatting
/// characters (bidirectional overrides such as U+202E, zero-width characters), line or paragraph separators, NUL or lone
/// surrogates — nothing that could make a name read differently in an admin screen or that a store cannot hold.
/// </summary>
public static class AuthenticatorNames
{
    /// <summary>The longest accepted name, in UTF-16 code units.</summary>
    public const int MaxLength = 64;

    /// <summary>The message for a refused name (no echo of the input).</summary>
    public const string Rule = "A name has 1 to 64 characters and no control, formatting or invisible characters.";

    /// <summary>Checks and normalizes a name.</summary>
    /// <param name="name">The name as typed.</param>
    /// <param name="normalized">The trimmed name, when valid.</param>
    /// <returns>Whether the name is acceptable.</returns>
    public static bool TryNormalize(string? name, out string normalized)
    {
        normalized = string.Empty;
        if (name is null)
        {
            return false;
        }

        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxLength || !IsWellFormed(trimmed))
        {
            return false;
        }

        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }
        }

        normalized = trimmed;
        return true;
    }

    /// <summary>Whether a string is well-formed UTF-16 (no lone surrogate) and has no NUL: what every store can hold.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> if storable.</returns>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.Contains('\0', StringComparison.Ordinal) && !HasLoneSurrogate(text);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
