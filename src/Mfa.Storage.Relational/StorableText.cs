namespace Mfa.Storage.Relational;

/// <summary>
/// Which strings every provider can store and compare: no NUL character (PostgreSQL text cannot hold one) and well-formed
/// UTF-16 (a lone surrogate has no UTF-8 form). No stored row can hold any other string, so a lookup by one finds nothing.
/// </summary>
internal static class StorableText
{
    public static bool IsStorable(string? text) => text is null || Core.Factors.AuthenticatorNames.IsWellFormed(text);

    /// <summary>Whether every one of the strings is storable.</summary>
    /// <param name="texts">The strings.</param>
    /// <returns>Whether a lookup by them can find anything.</returns>
    public static bool AreStorable(params ReadOnlySpan<string?> texts)
    {
        foreach (var text in texts)
        {
            if (!IsStorable(text))
            {
                return false;
            }
        }

        return true;
    }
}
