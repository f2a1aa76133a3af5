using System.Globalization;

namespace Mfa.Duo.Signing;

/// <summary>The RFC 2822 date text the Auth API signs (spec §4.4): <c>Tue, 21 Aug 2012 17:29:18 -0000</c>.</summary>
public static class DuoDate
{
    private static readonly string[] s_formats = ["ddd, dd MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm:ss"];

    /// <summary>Formats an instant as Duo's client libraries do (UTC, English names, <c>-0000</c>).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date text.</returns>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " -0000";

    /// <summary>Parses RFC 2822 date text with a numeric zone (<c>+hhmm</c>/<c>-hhmm</c>) or <c>GMT</c>/<c>UT</c>/<c>UTC</c>.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="instant">The instant, when parsed.</param>
    /// <returns>Whether the text is a valid date.</returns>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var space = text.LastIndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var zone = text[(space + 1)..];
        if (!TryParseZone(zone, out var offset)
            || !DateTime.TryParseExact(text[..space], s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }

    private static bool TryParseZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "GMT" or "UT" or "UTC" or "Z")
        {
            return true;
        }

        if (zone.Length != 5 || zone[0] is not ('+' or '-') || zone.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        return true;
    }
}
