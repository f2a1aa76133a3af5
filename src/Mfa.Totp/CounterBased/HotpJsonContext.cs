using System.Text.Json.Serialization;

namespace Mfa.Totp.CounterBased;

/// <summary>Source-generated (AOT-safe) JSON for HOTP records and state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(HotpAuthenticatorData))]
[JsonSerializable(typeof(HotpEnrollmentState))]
[JsonSerializable(typeof(HotpChallengeState))]
internal sealed partial class HotpJsonContext : JsonSerializerContext;
