using Mfa.Core.Policy;

namespace Mfa.Core.Storage;

/// <summary>Per-user settings: requirement override and first-seen time.</summary>
public interface IUserSettingsStore
{
    /// <summary>Reads the user's settings, creating them with <paramref name="now"/> as first-seen time if absent (atomically).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The settings.</returns>
    Task<MfaUserSettings> GetOrCreateAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sets the per-user requirement.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="requirement">The requirement, or <see langword="null"/> for the default.</param>
    /// <param name="now">The current time (first-seen time if the user is new).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SetRequirementAsync(string userId, MfaRequirement? requirement, DateTimeOffset now, CancellationToken cancellationToken = default);
}
