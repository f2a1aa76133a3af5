using System.Text.Json;
using Mfa.Core.Factors;
using Mfa.Core.Storage;

namespace Mfa.Sample.Web;

/// <summary>
/// How the sample names a kind of authenticator to people: security key, device authenticator and legacy key told apart.
/// </summary>
/// <remarks>
/// Workaround: <see cref="Mfa.Core.Service.AuthenticatorInfo"/> does not carry the WebAuthn kind yet, so it is read from
/// the stored record's data (the <c>kind</c> member Mfa.WebAuthn writes). To drop when the admin listing exposes it.
/// </remarks>
internal sealed class SampleKinds(IAuthenticatorStore store)
{
    /// <summary>Authenticator id → kind label, for one user.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DescribeAsync(string userId, CancellationToken cancellationToken = default)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in await store.ListByUserAsync(userId, cancellationToken))
        {
            labels[record.Id] = record.Kind switch
            {
                FactorKinds.Totp => "Authenticator app",
                FactorKinds.WebAuthn => WebAuthnKind(record.Data) switch
                {
                    "device" => "Device authenticator",
                    "legacy-u2f" => "Legacy security key",
                    _ => "Security key",
                },
                FactorKinds.Push => "Phone (push)",
                FactorKinds.Duo => "Duo",
                _ => record.Kind,
            };
        }

        return labels;
    }

    private static string? WebAuthnKind(string data)
    {
        try
        {
            using var json = JsonDocument.Parse(data);
            return json.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
