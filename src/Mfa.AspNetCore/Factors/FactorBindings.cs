using Mfa.Core.Factors;

namespace Mfa.AspNetCore.Factors;

/// <summary>The bindings of the factors the host registered (a binding without its factor is not offered).</summary>
internal sealed class FactorBindings
{
    private readonly Dictionary<string, FactorBinding> _bindings;

    public FactorBindings(IEnumerable<IFactor> factors, PendingLookups lookups)
    {
        var registered = factors.Select(f => f.Kind).ToHashSet(StringComparer.Ordinal);
        FactorBinding[] all = [new TotpBinding(), new HotpBinding(), new WebAuthnBinding(), new PushBinding(lookups), new DuoBinding(lookups)];
        _bindings = all.Where(b => registered.Contains(b.Kind)).ToDictionary(b => b.Kind, StringComparer.Ordinal);
        Kinds = [.. _bindings.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The kinds the endpoints serve.</summary>
    public IReadOnlyList<string> Kinds { get; }

    public FactorBinding? Find(string? kind) => kind is not null && _bindings.TryGetValue(kind, out var binding) ? binding : null;
}
