using System.Text.Json.Serialization;
using Mfa.Push.Challenges;
using Mfa.Push.Enrollment;
using Mfa.Push.Responses;

namespace Mfa.Push;

/// <summary>Source-generated JSON for what the factor persists: devices, enrollment and challenge state, recorded answers.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = false)]
[JsonSerializable(typeof(PushDeviceCredential))]
[JsonSerializable(typeof(PushEnrollmentState))]
[JsonSerializable(typeof(PushChallengeState))]
[JsonSerializable(typeof(PushAnswer))]
[JsonSerializable(typeof(Factor.PushFactorEnrollmentState))]
internal sealed partial class PushJsonContext : JsonSerializerContext;
