using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Mfa.Soak;

/// <summary>
/// The <c>check</c> mode: reads both instances' logs, the fault log and the database, prints a summary and returns 1 on
/// any violation of the soak's invariants (see <see cref="SoakReport"/> for the list).
/// </summary>
internal static class SoakChecker
{
    /// <summary>Failures that mean a valid code or assertion of a legitimate caller was judged invalid.</summary>
    private static readonly HashSet<string> s_refusals = new(StringComparer.Ordinal)
    {
        "InvalidCode", "Replayed", "InvalidSignature", "CounterRollback", "ChallengeNotFound", "ChallengeAlreadyUsed",
        "ChallengeMismatch", "Expired", "WrongChallenge", "UnknownAuthenticator", "NotEnrolled",
    };

    public static async Task<int> RunAsync(SoakArguments arguments)
    {
        var records = arguments.List("logs").SelectMany(JsonLineReader<OperationRecord>.ReadAll).ToList();
        var faults = JsonLineReader<FaultRecord>.ReadAll(arguments.Required("faults"));
        var report = new SoakReport(records, faults);
        CheckRecords(records, report);
        await CheckDatabaseAsync(arguments.Required("connection"), records, report);
        CheckRecovery(records, faults, TimeSpan.FromMilliseconds(arguments.Int("recovery-limit-ms", 1000)), report);
        report.Print(Console.Out);
        return report.Violations.Count == 0 ? 0 : 1;
    }

    private static void CheckRecords(List<OperationRecord> records, SoakReport report)
    {
        foreach (var record in records)
        {
            if (record.Exception is not null)
            {
                report.Violation("exception escaped the SDK", $"{record.Op} of {record.User} on {record.Instance}: {record.Exception}");
            }

            if (record is { Attack: true, Ok: true })
            {
                report.Violation("replay or stale answer accepted", $"{record.Op} of {record.User} on {record.Instance} (step {record.Step}, counter {record.Counter}, challenge {record.Challenge})");
            }

            if (record is { Attack: false, Race: false, Retry: false, Ok: false } && s_refusals.Contains(record.Reason))
            {
                report.Violation("valid answer refused", $"{record.Op} of {record.User} on {record.Instance}: {record.Reason}");
            }

            if (record is { Retry: true, Ok: false, Op: Operations.TotpEnroll or Operations.WebAuthnEnroll } && record.Reason != "StoreUnavailable")
            {
                report.Violation("enrollment completed again after a fault did not return the stored result", $"{record.Op} {record.Enrollment} of {record.User}: {record.Reason}");
            }
        }

        // No (authenticator, time step) accepted twice: the enrollment code and every sign-in, on both instances.
        foreach (var group in records.Where(r => r is { Ok: true, Step: not null, Authenticator: not null }).GroupBy(r => (r.Authenticator, r.Step)))
        {
            if (group.Count() > 1)
            {
                report.Violation("TOTP code accepted twice", $"authenticator {group.Key.Authenticator} step {group.Key.Step}: " + string.Join(", ", group.Select(r => $"{r.Op} on {r.Instance} at {r.End}")));
            }
        }

        // An accepted assertion's counter is above every counter accepted before it began.
        foreach (var credential in records.Where(r => r is { Ok: true, Counter: not null, Credential: not null }).GroupBy(r => r.Credential, StringComparer.Ordinal))
        {
            var accepted = credential.OrderBy(r => r.End).ToList();
            foreach (var later in accepted)
            {
                var earlier = accepted.Where(r => r.End < later.Start && r.Counter >= later.Counter).Take(1).ToList();
                if (earlier.Count > 0)
                {
                    report.Violation("counter moved backwards", $"credential {credential.Key}: {later.Counter} accepted after {earlier[0].Counter}");
                }
            }
        }
    }

    private static async Task CheckDatabaseAsync(string connectionString, List<OperationRecord> records, SoakReport report)
    {
        var enrolled = records.Where(r => r is { Ok: true, Op: Operations.TotpEnroll or Operations.WebAuthnEnroll, Authenticator: not null })
            .GroupBy(r => r.Authenticator!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var maxCounters = records.Where(r => r is { Ok: true, Counter: not null, Credential: not null })
            .GroupBy(r => r.Credential!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Counter!.Value), StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(
            "SELECT a.id, a.user_id, a.kind, a.credential_id, a.data, g.last_step FROM mfa_authenticators a LEFT JOIN mfa_replay_guards g ON g.authenticator_id = a.id",
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var id = reader.GetString(0);
                var user = reader.GetString(1);
                var kind = reader.GetString(2);
                stored.Add(id);
                report.StoredAuthenticators++;
                if (!enrolled.TryGetValue(id, out var told))
                {
                    report.Violation("stored enrollment the caller was not told about", $"{kind} authenticator {id} of {user}");
                    continue;
                }

                if (kind == "totp")
                {
                    if (reader.IsDBNull(5))
                    {
                        report.Violation("authenticator without its replay guard", $"totp authenticator {id} of {user}");
                    }
                    else if (reader.GetInt64(5) < told.Step)
                    {
                        report.Violation("replay guard behind the enrollment code", $"totp authenticator {id} of {user}: {reader.GetInt64(5)} < {told.Step}");
                    }
                }
                else if (kind == "webauthn" && !reader.IsDBNull(3))
                {
                    using var data = JsonDocument.Parse(reader.GetString(4));
                    var counter = data.RootElement.GetProperty("signCount").GetUInt32();
                    if (maxCounters.TryGetValue(reader.GetString(3), out var max) && counter < max)
                    {
                        report.Violation("counter moved backwards", $"credential {reader.GetString(3)}: stored {counter} < accepted {max}");
                    }
                }
            }
        }

        foreach (var (id, told) in enrolled)
        {
            if (!stored.Contains(id))
            {
                report.Violation("enrollment reported but not stored", $"{told.Op} {told.Enrollment} of {told.User}: {id}");
            }
        }
    }

    /// <summary>For each fault and instance: from the fault's end to the end of the first success begun after it.</summary>
    private static void CheckRecovery(List<OperationRecord> records, IReadOnlyList<FaultRecord> faults, TimeSpan limit, SoakReport report)
    {
        foreach (var instance in records.GroupBy(r => r.Instance, StringComparer.Ordinal))
        {
            var successes = instance.Where(r => r.Ok).OrderBy(r => r.Start).ToList();
            foreach (var fault in faults.Where(f => f.Error is null))
            {
                var next = successes.FirstOrDefault(r => r.Start >= fault.End);
                if (next is null)
                {
                    continue;
                }

                var recovery = TimeSpan.FromMilliseconds(next.End - fault.End);
                report.Recoveries.Add((fault.Kind, recovery));
                if (recovery > limit)
                {
                    report.Violation("slow recovery", string.Create(CultureInfo.InvariantCulture, $"instance {instance.Key}: first success {recovery.TotalMilliseconds:F0} ms after the {fault.Kind} at {fault.End}"));
                }
            }
        }
    }
}
