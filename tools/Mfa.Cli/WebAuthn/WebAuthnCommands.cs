using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Inspection;
using Microsoft.Extensions.Options;

namespace Mfa.Cli.WebAuthn;

/// <summary>The <c>mfa webauthn</c> commands: verify a registration or an assertion against issued options, inspect payloads.</summary>
internal static class WebAuthnCommands
{
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter output, TextReader input) => command switch
    {
        "verify-registration" => await VerifyRegistrationAsync(CliArguments.Parse(args, "allow-rs1", "no-revocation"), output).ConfigureAwait(false),
        "verify-assertion" => await VerifyAssertionAsync(CliArguments.Parse(args, "allow-rs1"), output).ConfigureAwait(false),
        "inspect" => await InspectAsync(CliArguments.Parse(args), output, input).ConfigureAwait(false),
        "mds" => await MdsCommands.RunAsync(args, output).ConfigureAwait(false),
        _ => throw new CliUsageException($"Unknown webauthn command '{command}'."),
    };

    private static async Task<int> VerifyRegistrationAsync(CliArguments args, TextWriter output)
    {
        var options = await ReadAsync(args.Required("options")).ConfigureAwait(false);
        var response = await ReadAsync(args.Required("response")).ConfigureAwait(false);
        var origins = Origins(args);
        var now = Now(args);
        var allowRs1 = args.Flag("allow-rs1");
        var trustSource = await MdsCommands.TrustSourceAsync(args, now).ConfigureAwait(false);
        args.EnsureAllUsed();
        var relyingParty = Policy(options, "rp", origins);
        relyingParty.AllowRs1 = allowRs1;

        var result = Validated(() => WebAuthnVerifier.VerifyRegistration(options, response, relyingParty, now));
        var credential = result.Credential;
        var (refused, trust) = trustSource is not null && result.Succeeded ? MdsCommands.Trust(trustSource, result, now) : (false, new JsonObject());
        var json = new JsonObject
        {
            ["ok"] = result.Succeeded && !refused,
            ["failure"] = result.Succeeded ? null : result.FailureReason.ToString(),
            ["message"] = result.Succeeded ? null : result.Message,
            ["credential"] = credential is null ? null : new JsonObject
            {
                ["id"] = credential.Id,
                ["publicKey"] = Base64Url.EncodeToString(credential.PublicKey.Span),
                ["alg"] = (int)credential.Algorithm,
                ["signCount"] = credential.SignCount,
                ["aaguid"] = credential.Aaguid.ToString("D"),
                ["fmt"] = credential.Format,
                ["attestationType"] = WebAuthnNames.Of(credential.AttestationType),
                ["backupEligible"] = credential.BackupEligible,
                ["backupState"] = credential.BackupState,
                ["transports"] = new JsonArray([.. credential.Transports.Select(t => JsonValue.Create(t))]),
                ["kind"] = WebAuthnNames.Of(credential.Kind),
            },
        };
        foreach (var (name, value) in trust.ToList())
        {
            trust.Remove(name);
            json[name] = value;
        }

        CliJson.Write(output, json);
        return result.Succeeded && !refused ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private static async Task<int> VerifyAssertionAsync(CliArguments args, TextWriter output)
    {
        var options = await ReadAsync(args.Required("options")).ConfigureAwait(false);
        var response = await ReadAsync(args.Required("response")).ConfigureAwait(false);
        var credentialJson = await ReadAsync(args.Required("credential")).ConfigureAwait(false);
        var origins = Origins(args);

        // Assertions involve no certificate, so no clock; --now is accepted (and checked) for symmetry with verify-registration.
        _ = Now(args);
        args.EnsureAllUsed();
        var relyingParty = Policy(options, "rpId", origins);
        relyingParty.AllowRs1 = args.Flag("allow-rs1");
        var credential = StoredCredential(credentialJson);

        var result = Validated(() => WebAuthnVerifier.VerifyAssertion(options, response, credential, relyingParty));
        CliJson.Write(output, new JsonObject
        {
            ["ok"] = result.Succeeded,
            ["failure"] = result.Succeeded ? null : result.FailureReason.ToString(),
            ["message"] = result.Succeeded ? null : result.Message,
            ["signCount"] = result.Succeeded ? result.SignCount : null,
            ["userVerified"] = result.Succeeded ? result.UserVerified : null,
            ["backupState"] = result.Succeeded ? result.BackupState : null,
        });
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private static async Task<int> InspectAsync(CliArguments args, TextWriter output, TextReader input)
    {
        args.EnsureAllUsed(maxPositional: 1);
        var source = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("inspect takes a FILE, or - for standard input.");
        var text = source == "-" ? await input.ReadToEndAsync().ConfigureAwait(false) : await ReadAsync(source).ConfigureAwait(false);
        if (!WebAuthnInspector.TryInspect(text, out var description, out var message))
        {
            CliJson.Write(output, new JsonObject { ["ok"] = false, ["failure"] = "MalformedInput", ["message"] = message });
            return ExitCodes.Rejected;
        }

        CliJson.Write(output, description);
        return ExitCodes.Success;
    }

    /// <summary>Relying-party options from the issued options' RP ID and the command line's origins.</summary>
    private static WebAuthnOptions Policy(string optionsJson, string rpIdMember, IReadOnlyList<string> origins)
    {
        string? rpId = null;
        try
        {
            using var document = JsonDocument.Parse(optionsJson);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(rpIdMember, out var member))
            {
                rpId = rpIdMember == "rp" ? (member.ValueKind == JsonValueKind.Object && member.TryGetProperty("id", out var id) ? id.GetString() : null) : member.GetString();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new CliUsageException("--options is not JSON: " + e.Message);
        }

        return new WebAuthnOptions
        {
            RelyingPartyId = rpId ?? throw new CliUsageException($"--options has no {(rpIdMember == "rp" ? "rp.id" : "rpId")}."),
            RelyingPartyName = "mfa",
            Origins = origins,
        };
    }

    private static T Validated<T>(Func<T> verify)
    {
        try
        {
            return verify();
        }
        catch (OptionsValidationException e)
        {
            throw new CliUsageException(string.Join(" ", e.Failures));
        }
    }

    private static WebAuthnStoredCredential StoredCredential(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString() ?? throw new CliUsageException("--credential has no id.");
            var publicKey = Base64Url.DecodeFromChars(root.GetProperty("publicKey").GetString());
            return new WebAuthnStoredCredential(id, publicKey)
            {
                SignCount = root.TryGetProperty("signCount", out var count) ? count.GetUInt32() : 0,
                BackupEligible = root.TryGetProperty("backupEligible", out var be) && be.GetBoolean(),
                Kind = root.TryGetProperty("kind", out var kind) && kind.GetString() == "device" ? WebAuthnAuthenticatorKind.Device : WebAuthnAuthenticatorKind.SecurityKey,
                UserHandle = root.TryGetProperty("userHandle", out var handle) && handle.GetString() is { } text ? Base64Url.DecodeFromChars(text) : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            throw new CliUsageException("--credential is not a credential printed by verify-registration: " + e.Message);
        }
    }

    private static List<string> Origins(CliArguments args)
    {
        var origins = args.All("origin");
        return origins.Count == 0 ? throw new CliUsageException("At least one --origin is required.") : [.. origins];
    }

    private static DateTimeOffset Now(CliArguments args)
    {
        var text = args.Optional("now");
        if (text is null)
        {
            return TimeProvider.System.GetUtcNow();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now)
            ? now
            : throw new CliUsageException("--now must be an ISO 8601 time, for example 2025-01-30T23:59:59Z.");
    }

    private static async Task<string> ReadAsync(string path)
    {
        try
        {
            return await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"Cannot read '{path}': {e.Message}");
        }
    }
}
