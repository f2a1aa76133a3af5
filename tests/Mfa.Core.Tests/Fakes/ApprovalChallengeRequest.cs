using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

public sealed class ApprovalChallengeRequest(MfaPurpose purpose) : ChallengeRequest<ApprovalPrompt>(ApprovalFactor.FactorKind, purpose);
