using Mfa.Push.Enrollment;

namespace Mfa.Push.Factor;

/// <summary>What the push factor keeps between enrollment begin and complete: the protocol state and the name asked for.</summary>
/// <param name="Enrollment">The protocol state (token hash, user handle, expiry).</param>
/// <param name="Name">The authenticator name the host gave at begin (the service passes none at completion).</param>
internal sealed record PushFactorEnrollmentState(PushEnrollmentState Enrollment, string? Name);
