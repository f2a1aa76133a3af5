namespace Mfa.WebAuthn.Ceremonies;

/// <summary>A <c>PublicKeyCredentialDescriptorJSON</c>: a credential id (base64url) and its transports.</summary>
/// <param name="Id">The credential id, base64url.</param>
/// <param name="Transports">The transports the client reported at registration, if any.</param>
internal readonly record struct CredentialDescriptor(string Id, IReadOnlyList<string>? Transports);
