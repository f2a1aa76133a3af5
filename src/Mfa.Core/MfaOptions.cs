namespace Mfa.Core;

/// <summary>Options for the MFA service: lifetimes, policy defaults, lockout, recovery codes and secret protection.</summary>
public sealed class MfaOptions
{
    /// <summary>How long a begun challenge (sign-in or step-up) stays usable.</summary>
    /// <value>Default 2 minutes; 10 seconds to 15 minutes.</value>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a begun enrollment stays usable.</summary>
    /// <value>Default 10 minutes; 1 minute to 1 hour.</value>
    public TimeSpan EnrollmentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether users must use MFA unless their own setting says otherwise.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RequireMfaByDefault { get; set; } = true;

    /// <summary>How long a user who must use MFA may still sign in without an authenticator, from when the SDK first saw them.</summary>
    /// <value>Default zero (no grace); at most 90 days.</value>
    public TimeSpan EnrollmentGracePeriod { get; set; } = TimeSpan.Zero;

    /// <summary>The factor kinds users may enroll and use. Empty: every registered factor.</summary>
    /// <value>Default empty.</value>
    public ISet<string> AllowedFactors { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Per-user throttling: after this many failures within <see cref="ThrottleWindow"/>, the user must wait until the window ends.</summary>
    /// <value>Default 5; 1 to 1000.</value>
    public int ThrottleMaxFailures { get; set; } = 5;

    /// <summary>The window for <see cref="ThrottleMaxFailures"/>.</summary>
    /// <value>Default 5 minutes; 1 second to 1 day.</value>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Consecutive failures after which an authenticator is locked until an administrator unlocks it
    /// (NIST SP 800-63B §5.2.2 allows at most 100).
    /// </summary>
    /// <value>Default 100; 1 to 100.</value>
    public int HardLockThreshold { get; set; } = 100;

    /// <summary>
    /// Username-less challenge begins (passkey sign-in) allowed per client key per minute by the default
    /// <see cref="Throttling.IMfaClientRateLimiter"/>.
    /// </summary>
    /// <value>Default 30; 1 to 10,000.</value>
    public int AnonymousBeginsPerMinute { get; set; } = 30;

    /// <summary>
    /// How old <see cref="MfaUser.LastVerifiedAt"/> may be for a factor change through <see cref="Service.IMfaService"/>
    /// (another authenticator, rename, remove, new recovery codes); older, or none, is
    /// <see cref="MfaFailureReason.ReauthenticationRequired"/>. Administrative changes go through
    /// <see cref="Service.IMfaService.Administration"/> instead.
    /// </summary>
    /// <value>Default 5 minutes; 10 seconds to 1 day.</value>
    public TimeSpan RecentVerificationMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the maintenance service (registered by <c>AddMfa</c>) purges expired pending challenges and enrollments.
    /// <see cref="TimeSpan.Zero"/> turns it off (a host that sweeps on its own schedule).
    /// </summary>
    /// <value>Default 1 minute; zero, or 1 second to 1 day.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many recovery codes a set holds.</summary>
    /// <value>Default 10; 1 to 50.</value>
    public int RecoveryCodeCount { get; set; } = 10;

    /// <summary>The length of each recovery code, in characters from a 32-symbol alphabet (5 bits each).</summary>
    /// <value>Default 10 (50 bits); 8 to 32.</value>
    public int RecoveryCodeLength { get; set; } = 10;

    /// <summary>PBKDF2-SHA256 iterations for recovery-code hashes.</summary>
    /// <value>Default 100,000; 1,000 to 10,000,000.</value>
    public int RecoveryCodeHashIterations { get; set; } = 100_000;

    /// <summary>The key id <see cref="SecretKey"/> has in the key ring.</summary>
    public const string DefaultSecretKeyId = "default";

    /// <summary>
    /// The one-key shorthand: the 32-byte AES-256-GCM key the default <see cref="Secrets.ISecretProtector"/> encrypts stored
    /// secrets with, the key ring's key <see cref="DefaultSecretKeyId"/>. Required unless <see cref="SecretKeys"/> holds a key
    /// or another protector is configured (for example <c>UseDataProtection()</c>).
    /// </summary>
    /// <remarks>
    /// Load it from a secret store; never hard-code it. Losing it makes enrolled TOTP secrets unusable. From configuration
    /// (<c>AddMfa(configuration.GetSection("Mfa"))</c>) it is read as base64 from <c>Mfa:SecretKey</c>; <c>mfa keygen</c>
    /// prints a new one. A key that is missing, not 32 bytes, or all zeros stops the host at start-up. Secrets stored before
    /// key ids existed (format 1) open with any configured key. To rotate it, see <see cref="SecretKeys"/>.
    /// </remarks>
    /// <value>Default none.</value>
#pragma warning disable CA1819 // A key is naturally a byte array; the protector copies it.
    public byte[]? SecretKey { get; set; }
#pragma warning restore CA1819

    /// <summary>
    /// The key ring of the default <see cref="Secrets.ISecretProtector"/>: key id → 32-byte AES-256-GCM key. Together with
    /// <see cref="SecretKey"/> (id <see cref="DefaultSecretKeyId"/>), <see cref="PrimarySecretKeyId"/> encrypts new
    /// secrets and every key decrypts; each stored secret names its key id.
    /// </summary>
    /// <remarks>
    /// Ids are 1 to 32 characters of <c>A–Z a–z 0–9 . _ -</c> (a date works: <c>2026-12</c>); they are stored with each
    /// secret and shown in events, so never put key material in them. From configuration each key is read as base64 from
    /// <c>Mfa:SecretKeys:&lt;id&gt;</c>. Rotation: add a key and make it primary, deploy, run
    /// <see cref="Service.IMfaAdministration.ReencryptSecretsAsync"/> (<c>mfa keys reencrypt</c>), then remove the old key
    /// (docs/key-rotation.md).
    /// </remarks>
    /// <value>Default empty.</value>
    public IDictionary<string, byte[]> SecretKeys { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>
    /// The id of the key in <see cref="SecretKeys"/> (or <see cref="DefaultSecretKeyId"/> for <see cref="SecretKey"/>) that
    /// encrypts new secrets. Required when the ring holds more than one key; with one key, that key.
    /// </summary>
    /// <value>Default none. From configuration: <c>Mfa:PrimarySecretKeyId</c>.</value>
    public string? PrimarySecretKeyId { get; set; }

    /// <summary>Set when configuration held a <see cref="SecretKey"/> that is not base64.</summary>
    internal bool SecretKeyMalformed { get; set; }

    /// <summary>The ids in <c>Mfa:SecretKeys</c> whose value is not base64.</summary>
    internal List<string> MalformedSecretKeyIds { get; } = [];

    /// <summary>The configuration values that could not be read (by name).</summary>
    internal List<string> ConfigurationErrors { get; } = [];

    /// <summary>Set when a builder method replaces the default secret protector, so no key is required.</summary>
    internal bool CustomSecretProtector { get; set; }
}
