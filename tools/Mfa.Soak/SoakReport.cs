using System.Globalization;

namespace Mfa.Soak;

/// <summary>
/// What a soak did and what it broke. The invariants: no exception escapes the SDK; no replayed code or assertion and no
/// stale counter is accepted; no valid answer of a legitimate caller is refused; no TOTP (authenticator, step) is accepted
/// twice; no counter moves backwards; every stored authenticator was reported to its caller, has its replay guard, and
/// every reported one is stored; completing an enrollment again after a fault returns the stored result; each instance
/// succeeds again within the limit after each fault.
/// </summary>
internal sealed class SoakReport(IReadOnlyList<OperationRecord> records, IReadOnlyList<FaultRecord> faults)
{
    private const int ShownPerKind = 10;

    public List<(string Kind, string Detail)> Violations { get; } = [];

    public List<(string Kind, TimeSpan Time)> Recoveries { get; } = [];

    public int StoredAuthenticators { get; set; }

    public void Violation(string kind, string detail) => Violations.Add((kind, detail));

    public void Print(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var kills = faults.Where(f => f.Kind == "kill").ToList();
        output.WriteLine(string.Create(inv, $"soak: {records.Count} operations ({string.Join(", ", records.GroupBy(r => r.Instance, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))}), {kills.Count} kill rounds ({kills.Sum(f => f.Terminated)} backends terminated), {faults.Count(f => f.Kind == "restart")} restarts, {faults.Count(f => f.Error is not null)} faults not injected, {StoredAuthenticators} authenticators stored"));
        output.WriteLine("  operation            ok      failed   attacks refused");
        foreach (var op in records.GroupBy(r => r.Op, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv, $"  {op.Key,-18} {op.Count(r => r.Ok),7} {op.Count(r => !r.Ok && !r.Attack),9} {op.Count(r => !r.Ok && r.Attack),9}"));
        }

        output.WriteLine("  failures by reason (legitimate callers / attacks): " + string.Join(", ", records.Where(r => !r.Ok).GroupBy(r => r.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => string.Create(inv, $"{g.Key} {g.Count(r => !r.Attack)}/{g.Count(r => r.Attack)}"))));
        foreach (var kind in Recoveries.GroupBy(r => r.Kind, StringComparer.Ordinal))
        {
            var sorted = kind.Select(r => r.Time.TotalMilliseconds).Order().ToList();
            var p99 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)];
            output.WriteLine(string.Create(inv, $"  recovery after {kind.Key} (per instance, first success begun after it): {sorted.Count} measured, median {sorted[sorted.Count / 2]:F0} ms, p99 {p99:F0} ms, max {sorted[^1]:F0} ms"));
        }

        if (Violations.Count == 0)
        {
            output.WriteLine("  violations: none");
            return;
        }

        output.WriteLine(string.Create(inv, $"  VIOLATIONS: {Violations.Count}"));
        foreach (var kind in Violations.GroupBy(v => v.Kind, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv, $"  - {kind.Key}: {kind.Count()}"));
            foreach (var (_, detail) in kind.Take(ShownPerKind))
            {
                output.WriteLine("      " + detail);
            }
        }
    }
}
