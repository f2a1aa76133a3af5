using System.Text.Json.Serialization;
using Mfa.WebAuthn.Ceremonies;
using Mfa.WebAuthn.Credentials;

namespace Mfa.WebAuthn;

/// <summary>Source-generated (AOT-safe) JSON for client responses, ceremony state and credential records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 16,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(RegistrationResponseJson))]
[JsonSerializable(typeof(AuthenticationResponseJson))]
[JsonSerializable(typeof(RegistrationState))]
[JsonSerializable(typeof(AssertionState))]
[JsonSerializable(typeof(WebAuthnCredentialData))]
internal sealed partial class WebAuthnJsonContext : JsonSerializerContext;
