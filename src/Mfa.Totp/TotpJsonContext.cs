using System.Text.Json.Serialization;
using Mfa.Totp.Enrollment;

namespace Mfa.Totp;

/// <summary>Source-generated (AOT-safe) JSON for TOTP records and state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TotpAuthenticatorData))]
[JsonSerializable(typeof(TotpEnrollmentState))]
internal sealed partial class TotpJsonContext : JsonSerializerContext;
