using System.Text;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>
/// A few thousand generated registrations and assertions (every algorithm; formats none, packed self, packed x5c and
/// fido-u2f; random flags, counters and origins; one mutation at most) through Mfa.WebAuthn and Fido2 4.3.3. Every
/// disagreement must be one of <see cref="GeneratedDifferences"/>, each pinned by a test below.
/// </summary>
[TestFixture]
public sealed class GeneratedDifferentialTests
{
    private const int Registrations = 1250;
    private const int Assertions = 1250;

    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] s_registrationMutations =
        ["challenge", "origin", "origin-port", "rp-id", "type", "signature", "up-cleared", "uv-cleared", "bs-without-be", "credential-id", "cross-origin", "extra-member", "alg-not-offered"];

    private static readonly string[] s_assertionMutations =
        ["challenge", "origin", "origin-port", "rp-id", "type", "signature", "up-cleared", "uv-cleared", "bs-without-be", "credential-id", "cross-origin", "extra-member", "counter-regression", "counter-zero", "be-changed"];

    private readonly List<SoftwareKey> _keys = [];
    private AttestationKeys _attestation = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        foreach (var algorithm in new[] { -7, -35, -36, -8, -257, -258, -259, -37, -38, -39 })
        {
            _keys.Add(new SoftwareKey(algorithm));
        }

        _keys.Add(SoftwareKey.CreateEd448());
        _attestation = new AttestationKeys();
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _keys.ForEach(k => k.Dispose());
        _attestation.Dispose();
    }

    [Test]
    public async Task Registration_GeneratedCases_AgreeOrDifferByDocumentedRule()
    {
        var random = new Random(71);
        var tally = new Tally();
        for (var i = 0; i < Registrations; i++)
        {
            var mutation = random.Next(3) == 0 ? s_registrationMutations[random.Next(s_registrationMutations.Length)] : "none";
            var ceremony = GeneratedCeremony.Registration(i, random, _keys[random.Next(_keys.Count)], _attestation, mutation);
            var ours = Oracles.MfaRegistration(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.Options, s_now);
            var theirs = await Oracles.Fido2RegistrationAsync(ceremony.OptionsJson, ceremony.ResponseJson, GeneratedCeremony.RelyingParty);
            tally.Add(ceremony, ours, theirs);
            if (ours.Succeeded && theirs.Succeeded)
            {
                Assert.That(theirs.PublicKey, Is.EqualTo(ours.PublicKey), ceremony.ToString());
                Assert.That(theirs.CredentialId, Is.EqualTo(ours.CredentialId), ceremony.ToString());
                Assert.That(theirs.SignCount, Is.EqualTo(ours.SignCount), ceremony.ToString());
            }
        }

        tally.AssertExplained();
    }

    [Test]
    public async Task Assertion_GeneratedCases_AgreeOrDifferByDocumentedRule()
    {
        var random = new Random(72);
        var tally = new Tally();
        for (var i = 0; i < Assertions; i++)
        {
            var mutation = random.Next(3) == 0 ? s_assertionMutations[random.Next(s_assertionMutations.Length)] : "none";
            var ceremony = GeneratedCeremony.Assertion(i, random, _keys[random.Next(_keys.Count)], mutation);
            var ours = Oracles.MfaAssertion(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.StoredCredential, ceremony.Options);
            var theirs = await Oracles.Fido2AssertionAsync(ceremony.OptionsJson, ceremony.ResponseJson, ceremony.CoseKey, ceremony.StoredCounter, GeneratedCeremony.RelyingParty);
            tally.Add(ceremony, ours, theirs);
            if (ours.Succeeded && theirs.Succeeded)
            {
                Assert.That(theirs.SignCount, Is.EqualTo(ours.SignCount), ceremony.ToString());
            }
        }

        tally.AssertExplained();
    }

    /// <summary>Counts agreements and explained differences; collects unexplained ones.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly List<string> _unexplained = [];

        public void Add(GeneratedCeremony ceremony, Verdict ours, Verdict theirs)
        {
            string key;
            if (ours.Succeeded == theirs.Succeeded)
            {
                key = ours.Succeeded ? "both accept" : "both refuse";
                var detail = $"  {key}, {ceremony.Format}, {ceremony.Mutation}";
                _counts[detail] = _counts.GetValueOrDefault(detail) + 1;
            }
            else if (GeneratedDifferences.Explain(ceremony, ours, theirs) is { } rule)
            {
                key = "difference: " + rule;
            }
            else
            {
                _unexplained.Add($"{ceremony} | Mfa.WebAuthn {ours} | Fido2 {theirs}");
                return;
            }

            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }

        public void AssertExplained()
        {
            var summary = new StringBuilder();
            foreach (var (key, count) in _counts.OrderBy(kv => kv.Key.TrimStart(), StringComparer.Ordinal))
            {
                summary.Append(key).Append(": ").Append(count).AppendLine();
            }

            TestContext.Out.WriteLine(summary.ToString());
            Assert.That(_unexplained.Count, Is.Zero, "unexplained disagreements:\n" + string.Join('\n', _unexplained.Take(40)));
            Assert.That(_counts.GetValueOrDefault("both accept"), Is.GreaterThan(300), "too few valid cases to compare");
            Assert.That(_counts.GetValueOrDefault("both refuse"), Is.GreaterThan(100), "too few refused cases to compare");
        }
    }
}
