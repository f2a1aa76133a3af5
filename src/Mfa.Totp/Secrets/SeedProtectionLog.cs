using Mfa.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Mfa.Totp.Secrets;

/// <summary>The seed events of the TOTP and HOTP factors: ids and key ids only, never a seed or key bytes.</summary>
internal static partial class SeedProtectionLog
{
    [LoggerMessage(EventId = MfaEventIds.SecretUnavailable, Level = LogLevel.Error, Message = "The secret of {Factor} authenticator {AuthenticatorId} (user {UserId}) cannot be opened: it names key {KeyId}, and no configured key opens it; the operation ended with SecretUnavailable")]
    public static partial void SecretUnavailable(ILogger logger, string factor, string authenticatorId, string userId, string keyId);
}
