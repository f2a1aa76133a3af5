using System.Globalization;
using System.Security.Cryptography;

namespace Mfa.Push.Challenges;

/// <summary>Push spec §4.4: uniform numbers from a CSPRNG, without a leading zero, handled as strings.</summary>
internal static class DisplayNumbers
{
    public static string Next(int length)
    {
        var low = Pow10(length - 1);
        return RandomNumberGenerator.GetInt32(low, (low * 10) - 1 + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Distinct options of the same length, shuffled, one of which is <paramref name="answer"/>; the answer is not marked.</summary>
    public static IReadOnlyList<string> Options(string answer, int length, int count)
    {
        var options = new List<string> { answer };
        while (options.Count < count)
        {
            var candidate = Next(length);
            if (!options.Contains(candidate, StringComparer.Ordinal))
            {
                options.Add(candidate);
            }
        }

        // Fisher–Yates with a CSPRNG, so the answer's position carries no information.
        for (var i = options.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (options[i], options[j]) = (options[j], options[i]);
        }

        return options;
    }

    private static int Pow10(int exponent)
    {
        var value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
