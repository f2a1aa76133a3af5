using System.Text.Json.Serialization;

namespace Mfa.Duo.Factor;

/// <summary>Source-generated (AOT-safe) JSON for Duo records and state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DuoAuthenticatorData))]
[JsonSerializable(typeof(DuoEnrollmentState))]
[JsonSerializable(typeof(DuoChallengeState))]
internal sealed partial class DuoFactorJsonContext : JsonSerializerContext;
