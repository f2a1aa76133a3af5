using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>What the approval factor reports: whether it let the user through without a second factor (a fail-open pass).</summary>
public sealed class ApprovalDetails(bool bypassed) : VerificationDetails
{
    public override bool Bypassed { get; } = bypassed;
}
