using System.Text;
using Mfa.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mfa.RandomInput.Tests;

/// <summary>
/// What a failed step must leave as it was: every authenticator record of the given users (data, counters, version,
/// last use), their replay-guard steps and remaining recovery codes.
/// </summary>
internal static class StoreSnapshot
{
    public static async Task<string> TakeAsync(IServiceProvider provider, params string[] userIds)
    {
        var authenticators = provider.GetRequiredService<IAuthenticatorStore>();
        var guards = provider.GetRequiredService<IReplayGuardStore>();
        var recovery = provider.GetRequiredService<IRecoveryCodeStore>();
        var text = new StringBuilder();
        foreach (var userId in userIds)
        {
            text.Append(userId).Append(" recovery=").Append(await recovery.CountRemainingAsync(userId)).Append('\n');
            foreach (var record in (await authenticators.ListByUserAsync(userId)).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                text.Append(record.Id).Append(' ').Append(record.Kind).Append(' ').Append(record.Name).Append(' ').Append(record.Version)
                    .Append(' ').Append(record.LastUsedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(record.Data)
                    .Append(" step=").Append(await guards.GetLastStepAsync(record.Id)).Append('\n');
            }
        }

        return text.ToString();
    }
}
