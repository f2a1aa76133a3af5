using Mfa.Core.Policy;

namespace Mfa.Core.Service;

/// <summary>
/// The administrative path (<see cref="IMfaService.Administration"/>): changes an operator or a support tool makes on a
/// user's behalf, without the user's recent MFA proof. Use it only behind the host's own administrator authorization;
/// every change raises its own Warning-level event (ids 1110–1113) so an audit can tell it from the user's own changes.
/// </summary>
/// <remarks>
/// Store faults: the methods returning <see cref="MfaOperationResult"/> report
/// <see cref="MfaFailureReason.StoreUnavailable"/>; the others throw <see cref="Storage.MfaStoreException"/>.
/// </remarks>
public interface IMfaAdministration
{
    /// <summary>Renames one of a user's authenticators.</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="name">The new name (1 to 64 characters, no control or invisible formatting characters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The renamed authenticator, or a failure.</returns>
    Task<MfaOperationResult> RenameAuthenticatorAsync(string userId, string authenticatorId, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes one of a user's authenticators. Removing the last usable one (of a registered, allowed factor) of a user who
    /// must use MFA is refused unless <paramref name="force"/> is set, in which case the result and the event say the user
    /// is now locked out.
    /// </summary>
    /// <param name="userId">The owner.</param>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="force">Remove even the last authenticator of a user who must use MFA.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The removed authenticator, or a failure.</returns>
    Task<MfaOperationResult> RemoveAuthenticatorAsync(string userId, string authenticatorId, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Sets whether a user must use MFA (<see langword="null"/>: follow the default).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="requirement">The requirement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task SetRequirementAsync(string userId, MfaRequirement? requirement, CancellationToken cancellationToken = default);

    /// <summary>Clears the user's throttle and the hard lock of all their authenticators.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task UnlockAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists users with their MFA status (requirement, enrolled authenticators, last use, lockout), a page at a time, in
    /// ascending binary order of id: every user the store has settings for (<see cref="Storage.IMfaUserDirectory"/>).
    /// </summary>
    /// <param name="afterUserId">The previous page's <see cref="MfaUserPage.Next"/>; <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most users returned (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; <see cref="MfaFailureReason.NotSupported"/> when the store has no user directory.</returns>
    Task<MfaUserPage> ListUsersAsync(string? afterUserId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the users who are locked out (throttled, or with a hard-locked authenticator), scanning at most 1000 users per
    /// call: a page may hold fewer than <paramref name="limit"/> users and still have a <see cref="MfaUserPage.Next"/>.
    /// </summary>
    /// <param name="afterUserId">The previous page's <see cref="MfaUserPage.Next"/>; <see langword="null"/> to start.</param>
    /// <param name="limit">The most users returned (1 to 1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page; <see cref="MfaFailureReason.NotSupported"/> when the store has no user directory.</returns>
    Task<MfaUserPage> ListLockedOutUsersAsync(string? afterUserId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves stored secrets to the key that encrypts new ones (after adding a key to <see cref="MfaOptions.SecretKeys"/> and
    /// making it primary), a page of authenticators at a time in ascending binary order of id. Each record is re-protected
    /// by its factor (<see cref="Factors.IReprotectingFactor"/>) and written with its concurrency token; a record that
    /// changed meanwhile (a sign-in) is re-read and retried. Idempotent and resumable: a record already under the newest key
    /// is left alone, so a run can be repeated or continued from <see cref="SecretReencryptionPage.Next"/>.
    /// </summary>
    /// <param name="afterAuthenticatorId">The previous page's <see cref="SecretReencryptionPage.Next"/>; <see langword="null"/> to start.</param>
    /// <param name="limit">The most authenticators looked at (1 to 1000).</param>
    /// <param name="dryRun">Count only: write nothing (<see cref="SecretReencryptionPage.Moved"/> then counts what would move).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page's counts; <see cref="MfaFailureReason.StoreUnavailable"/> on a store fault (nothing half-written: each record is one conditional write).</returns>
    Task<SecretReencryptionPage> ReencryptSecretsAsync(string? afterAuthenticatorId, int limit, bool dryRun = false, CancellationToken cancellationToken = default);
}
