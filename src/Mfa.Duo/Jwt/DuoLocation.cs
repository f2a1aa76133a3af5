using System.Text.Json;
using Mfa.Duo.Http;

namespace Mfa.Duo.Jwt;

/// <summary>A coarse location Duo derived from an IP address.</summary>
/// <param name="City">The city.</param>
/// <param name="State">The state or region.</param>
/// <param name="Country">The country.</param>
public sealed record DuoLocation(string? City, string? State, string? Country)
{
    internal static DuoLocation? From(JsonElement? element) =>
        element is { } e ? new DuoLocation(DuoJson.Sanitize(e.String("city")), DuoJson.Sanitize(e.String("state")), DuoJson.Sanitize(e.String("country"))) : null;
}
