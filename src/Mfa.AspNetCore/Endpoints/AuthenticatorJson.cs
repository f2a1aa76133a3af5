using System.Text.Json;
using Mfa.Core;
using Mfa.Core.Factors;
using Mfa.Core.Service;
using Mfa.Core.Storage;

namespace Mfa.AspNetCore.Endpoints;

/// <summary>Writes authenticators; WebAuthn ones say whether they are a security key, a device authenticator or a legacy U2F key.</summary>
internal static class AuthenticatorJson
{
    /// <summary>The WebAuthn authenticator types of a user's records, by authenticator id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadTypesAsync(IAuthenticatorStore store, string userId, CancellationToken cancellationToken)
    {
        var records = await store.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (TypeOf(record) is { } type)
            {
                types[record.Id] = type;
            }
        }

        return types;
    }

    /// <summary>
    /// <c>securityKey</c>, <c>device</c> or <c>legacyU2f</c> from a WebAuthn record's <c>kind</c> (the record format of
    /// Mfa.WebAuthn's credential data); <see langword="null"/> for other factors or an unreadable record.
    /// </summary>
    public static string? TypeOf(AuthenticatorRecord record)
    {
        if (!string.Equals(record.Kind, FactorKinds.WebAuthn, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var data = JsonDocument.Parse(record.Data);
            return data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                ? kind.GetString() switch
                {
                    "security-key" => "securityKey",
                    "device" => "device",
                    "legacy-u2f" => "legacyU2f",
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Write(Utf8JsonWriter json, AuthenticatorInfo info, IReadOnlyDictionary<string, string>? types, bool? hardLocked = null)
    {
        json.WriteStartObject();
        json.WriteString("id", info.Id);
        json.WriteString("kind", info.Kind);
        json.WriteString("name", info.Name);
        json.WriteString("createdAt", info.CreatedAt);
        json.WriteTime("lastUsedAt", info.LastUsedAt);
        json.WriteOptional("description", info.Description);
        json.WriteOptional("authenticatorType", types is not null && types.TryGetValue(info.Id, out var type) ? type : null);
        json.WriteOptional("variant", info.Variant);
        if (hardLocked is { } locked)
        {
            json.WriteBoolean("hardLocked", locked);
        }

        json.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter json, IEnumerable<AuthenticatorInfo> list, IReadOnlyDictionary<string, string>? types, HashSet<string>? hardLocked = null)
    {
        json.WriteStartArray();
        foreach (var info in list)
        {
            Write(json, info, types, hardLocked?.Contains(info.Id));
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>{"authenticator": …}</c> of an operation result.</summary>
    public static void WriteResult(Utf8JsonWriter json, MfaOperationResult result, IReadOnlyDictionary<string, string>? types, bool withLockedOut = false)
    {
        json.WriteStartObject();
        if (result.Authenticator is { } authenticator)
        {
            json.WritePropertyName("authenticator");
            Write(json, authenticator, types);
        }

        if (withLockedOut)
        {
            json.WriteBoolean("userLockedOut", result.UserLockedOut);
        }

        json.WriteEndObject();
    }

    /// <summary>Requirement as JSON text.</summary>
    public static string Requirement(Core.Policy.MfaRequirement requirement) => JsonReply.Camel(requirement.ToString());

    /// <summary>The user state as JSON text.</summary>
    public static string State(MfaUserState state) => JsonReply.Camel(state.ToString());

    /// <summary>Writes the status members shared by the user's and the admin's view.</summary>
    public static void WriteStatusMembers(Utf8JsonWriter json, MfaUserStatus status, IReadOnlyDictionary<string, string> types, bool withHardLocks)
    {
        json.WriteString("userId", status.UserId);
        json.WriteString("requirement", Requirement(status.Requirement));
        json.WriteBoolean("requirementIsUserSpecific", status.RequirementIsUserSpecific);
        json.WriteString("state", State(status.State));
        json.WriteTime("gracePeriodEndsAt", status.GracePeriodEndsAt);
        json.WriteStartArray("enrolledFactors");
        foreach (var kind in status.EnrolledFactors)
        {
            json.WriteStringValue(kind);
        }

        json.WriteEndArray();
        json.WritePropertyName("authenticators");
        WriteList(json, status.Authenticators, types, withHardLocks ? status.HardLockedAuthenticators.ToHashSet(StringComparer.Ordinal) : null);
        json.WriteTime("lastUsedAt", status.LastUsedAt);
        json.WriteBoolean("isLockedOut", status.IsLockedOut);
        if (status.RetryAfter is { } retry)
        {
            json.WriteNumber("retryAfterSeconds", (long)Math.Ceiling(retry.TotalSeconds));
        }

        json.WriteNumber("recoveryCodesRemaining", status.RecoveryCodesRemaining);
    }
}
