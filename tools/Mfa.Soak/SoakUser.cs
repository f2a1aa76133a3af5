using Mfa.Core;
using Mfa.Testing.WebAuthn;
using Mfa.Totp.Codes;

namespace Mfa.Soak;

/// <summary>
/// A user of one instance and what its devices hold: the TOTP secret the driver enrolled and the software security keys.
/// One operation at a time uses a user's devices (<see cref="Gate"/>), except the deliberate races.
/// </summary>
internal sealed class SoakUser(string id)
{
    public string Id { get; } = id;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public byte[]? TotpSecret { get; set; }

    public TotpParameters TotpParameters { get; set; } = TotpParameters.Default;

    public string? TotpAuthenticatorId { get; set; }

    /// <summary>The last time step a legitimate sign-in may not use: accepted, or perhaps accepted (a fault hid the outcome).</summary>
    public long TotpSpentStep { get; set; } = long.MinValue;

    public List<TestAuthenticator> Keys { get; } = [];

    /// <summary>This user as the SDK sees it, having just passed MFA (factor changes need a recent proof).</summary>
    public MfaUser Verified(TimeProvider time) => new MfaUser(Id, Id) with { LastVerifiedAt = time.GetUtcNow() };
}
