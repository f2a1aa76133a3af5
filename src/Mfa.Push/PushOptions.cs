using System.Security.Cryptography;

namespace Mfa.Push;

/// <summary>Options of the push factor's protocol (push spec §3–§8, §13). Validated at start-up.</summary>
/// <remarks>
/// <code>
/// o.VerifierId = "https://login.example.com";
/// o.IssuerLabel = "Contoso";
/// o.ChallengeSigningKey = ECDsa.Create(…);   // P-256, with its private key, used for nothing else
/// o.ChallengeSigningKeyId = "srv-2026-01";
/// </code>
/// </remarks>
public sealed class PushOptions
{
    /// <summary>The verifier's HTTPS origin (<c>https://login.example.com</c>): the tokens' <c>iss</c>/<c>aud</c>, and the base of the endpoints.</summary>
    /// <value>Required; an https origin: scheme, host and optional port, nothing else.</value>
    public string VerifierId { get; set; } = string.Empty;

    /// <summary>The path under <see cref="VerifierId"/> where the device endpoints live (<c>/enroll</c>, <c>/challenges</c>, <c>/device/push-address</c>).</summary>
    /// <value>Default <c>/mfa/push/v1</c>; starts with '/', no query or fragment.</value>
    public string EndpointBasePath { get; set; } = "/mfa/push/v1";

    /// <summary>The issuer label shown by the app (the QR code's <c>iss</c>; display only).</summary>
    /// <value>Required; 1 to 64 characters without control characters.</value>
    public string IssuerLabel { get; set; } = string.Empty;

    /// <summary>The verifier's challenge-signing key (push spec §4.5), pinned by devices at enrollment.</summary>
    /// <remarks>A P-256 key with its private part, used for nothing else (not VAPID, not APNs, not Web Push ECDH: spec §2).</remarks>
    /// <value>Required.</value>
    public ECDsa? ChallengeSigningKey { get; set; }

    /// <summary>The key id of <see cref="ChallengeSigningKey"/> (the challenge header's <c>kid</c>, the enrollment response's <c>serverKey.kid</c>).</summary>
    /// <value>Required; 1 to 64 printable ASCII characters.</value>
    public string ChallengeSigningKeyId { get; set; } = string.Empty;

    /// <summary>How long an enrollment QR code stays valid (push spec §3.1).</summary>
    /// <value>Default 10 minutes; 1 to 10 minutes.</value>
    public TimeSpan EnrollmentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a challenge can be answered (push spec §4.2).</summary>
    /// <value>Default 120 seconds; 30 to 300 seconds.</value>
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the login page has to complete an approved challenge (push spec §4.2 <c>finalizeBy</c>).</summary>
    /// <value>Default 60 seconds; 10 to 300 seconds.</value>
    public TimeSpan FinalizeWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The device clock skew allowed on <c>iat</c>/<c>exp</c> of enrollment, update and response tokens (push spec §3.4, §6).</summary>
    /// <value>Default 120 seconds; 0 to 300 seconds.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The skew allowed on a device request proof's <c>iat</c> (push spec §4.8).</summary>
    /// <value>Default 60 seconds; 5 to 300 seconds.</value>
    public TimeSpan ProofClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The number-matching mode (push spec §4.4).</summary>
    /// <value>Default <see cref="PushNumberMatching.Enter"/>.</value>
    public PushNumberMatching NumberMatching { get; set; } = PushNumberMatching.Enter;

    /// <summary>The number of digits of the number (2 draws from 10–99; L draws from 10^(L-1) to 10^L − 1).</summary>
    /// <value>Default 2; 2 to 8.</value>
    public int NumberLength { get; set; } = 2;

    /// <summary>How many options the phone offers in <see cref="PushNumberMatching.Choose"/> mode.</summary>
    /// <value>Default 3; 2 to 10.</value>
    public int ChoiceCount { get; set; } = 3;

    /// <summary>Whether approvals must be signed by the device's UV key (push spec §4.5 <c>uv</c>) when the device has one.</summary>
    /// <value>Default <see cref="PushUserVerification.Required"/>.</value>
    public PushUserVerification UserVerification { get; set; } = PushUserVerification.Required;

    /// <summary>Whether enrollment refuses devices that send no UV key (policy <c>requireUvKey</c>).</summary>
    /// <value>Default <see langword="false"/>: such devices enroll and their approvals are single-factor.</value>
    public bool RequireUvKey { get; set; }

    /// <summary>Whether a deny with reason <c>not_me</c> or <c>other</c> is treated as a fraud report (push spec §7 <c>denyMeansReport</c>).</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool DenyMeansReport { get; set; }

    /// <summary>The most push devices one user may enroll (push spec §3.4 step 8).</summary>
    /// <value>Default 5; 1 to 100.</value>
    public int MaxDevicesPerUser { get; set; } = 5;

    /// <summary>Whether devices may enroll an in-process push address (tests, samples). Never enable in production.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowInProcessAddresses { get; set; }

    /// <summary>The wait before a new challenge for the same user and client once the previous one ended other than approved (push spec §8).</summary>
    /// <value>Default 30 seconds; 0 to 10 minutes.</value>
    public TimeSpan ClientCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The short window of the per-user challenge limit (push spec §8).</summary>
    /// <value>Default 15 minutes; 1 minute to 1 day.</value>
    public TimeSpan ShortWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most challenges per user within <see cref="ShortWindow"/>.</summary>
    /// <value>Default 5; 1 to 1000.</value>
    public int MaxChallengesPerShortWindow { get; set; } = 5;

    /// <summary>The long window of the per-user challenge limit.</summary>
    /// <value>Default 24 hours; 1 hour to 7 days.</value>
    public TimeSpan LongWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most challenges per user within <see cref="LongWindow"/>.</summary>
    /// <value>Default 20; 1 to 10000.</value>
    public int MaxChallengesPerLongWindow { get; set; } = 20;

    /// <summary>The most pushes since the user's last successful authentication; then push stays off until a success with another factor or an admin reset.</summary>
    /// <value>Default 10; 1 to 1000.</value>
    public int MaxPushesSinceLastSuccess { get; set; } = 10;

    /// <summary>The window in which failures (deny, wrong number, fraud report) are counted (push spec §8).</summary>
    /// <value>Default 15 minutes; 1 minute to 1 day.</value>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The failures within <see cref="FailureWindow"/> that suppress push for <see cref="FailureCooldown"/>.</summary>
    /// <value>Default 2; 1 to 100.</value>
    public int MaxFailuresPerWindow { get; set; } = 2;

    /// <summary>How long push stays suppressed after too many failures.</summary>
    /// <value>Default 20 minutes; 1 minute to 1 day.</value>
    public TimeSpan FailureCooldown { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long push stays suppressed after a fraud report (push spec §7; Duo mutes for 20 minutes).</summary>
    /// <value>Default 20 minutes; 1 minute to 30 days.</value>
    public TimeSpan FraudBlock { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often the sign-in page should poll a pending push challenge (the prompt's poll interval; default 2 seconds).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Applies a number-matching preset of push spec §4.4/§11 (mode and length).</summary>
    /// <param name="preset">The preset.</param>
    /// <returns>These options.</returns>
    public PushOptions UseNumberMatchingPreset(PushNumberMatchingPreset preset)
    {
        NumberMatching = PushNumberMatching.Enter;
        NumberLength = preset == PushNumberMatchingPreset.Nist80063B ? 7 : 2;
        return this;
    }

    internal ECDsa SigningKey => ChallengeSigningKey ?? throw new InvalidOperationException("PushOptions.ChallengeSigningKey is not set.");

    internal string EnrollmentEndpoint => VerifierId + EndpointBasePath + "/enroll";

    internal string ChallengesEndpoint => VerifierId + EndpointBasePath + "/challenges";

    internal string PushAddressEndpoint => VerifierId + EndpointBasePath + "/device/push-address";
}
