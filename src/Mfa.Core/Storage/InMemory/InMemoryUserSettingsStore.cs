using Mfa.Core.Policy;

namespace Mfa.Core.Storage.InMemory;

/// <summary>An in-process <see cref="IUserSettingsStore"/> for tests and samples.</summary>
internal sealed class InMemoryUserSettingsStore : IUserSettingsStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MfaUserSettings> _settings = new(StringComparer.Ordinal);

    public Task<MfaUserSettings> GetOrCreateAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            if (!_settings.TryGetValue(userId, out var settings))
            {
                settings = new MfaUserSettings(userId, Requirement: null, now);
                _settings[userId] = settings;
            }

            return Task.FromResult(settings);
        }
    }

    public Task SetRequirementAsync(string userId, MfaRequirement? requirement, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_gate)
        {
            var current = _settings.GetValueOrDefault(userId) ?? new MfaUserSettings(userId, Requirement: null, now);
            _settings[userId] = current with { Requirement = requirement };
        }

        return Task.CompletedTask;
    }
}
