using Mfa.Core.Factors;
using Mfa.Push.Enrollment;

namespace Mfa.Push.Factor;

/// <summary>
/// Completes a push enrollment with the phone's enrollment request (the <c>enroll</c> member of the body the phone
/// posts to <c>{verifier}{base}/enroll</c>). The host's enroll endpoint reads the enrollment id with
/// <see cref="TryReadEnrollmentId"/>, finds the user who began that enrollment (it kept the pair when it began it) and
/// calls <c>IMfaService.CompleteEnrollmentAsync(user, enrollmentId, response)</c>; on success it returns
/// <see cref="DeviceResponseJson"/> to the phone with status 201, on any failure one generic 400.
/// </summary>
/// <param name="enrollToken">The enrollment request JWS as received.</param>
public sealed class PushEnrollmentResponse(string enrollToken) : EnrollmentResponse
{
    /// <inheritdoc />
    public override string Kind => FactorKinds.Push;

    /// <summary>The enrollment request JWS as received.</summary>
    public string EnrollToken { get; } = enrollToken ?? throw new ArgumentNullException(nameof(enrollToken));

    /// <summary>After a successful completion, the <c>201</c> body for the phone (credential id, key ids, pinned server key, endpoints).</summary>
    public string? DeviceResponseJson { get; internal set; }

    /// <summary>Reads the enrollment id (the MFA service's) from an enrollment request without verifying anything: a lookup key only.</summary>
    /// <param name="enrollToken">The enrollment request JWS.</param>
    /// <param name="enrollmentId">The enrollment id.</param>
    /// <returns>Whether the token names one.</returns>
    public static bool TryReadEnrollmentId(string? enrollToken, out string enrollmentId) => PushEnrollment.TryReadEnrollmentId(enrollToken, out enrollmentId);

    /// <inheritdoc />
    public override string ToString() => "PushEnrollmentResponse { EnrollToken = *** }";
}
