using Mfa.WebAuthn.Inspection;

namespace Mfa.WebAuthn.Tests.Inspection;

[TestFixture]
public sealed class WebAuthnInspectorTests
{
    private static IEnumerable<string> RegistrationIds() => ConformanceCases.RegistrationIds();

    private static IEnumerable<string> AuthenticationIds() => ConformanceCases.AuthenticationIds();

    [TestCaseSource(nameof(RegistrationIds))]
    public void TryInspect_ConformanceRegistration_DescribesOrRefusesWithoutThrowing(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var malformed = ConformanceCases.Text(testCase, "expected", "error") == "malformed-cbor";

        var ok = WebAuthnInspector.TryInspect(testCase.GetProperty("credential").GetRawText(), out var description, out var message);

        Assert.That(ok, Is.EqualTo(!malformed), message);
        if (ok)
        {
            Assert.That(description!["kind"]!.GetValue<string>(), Is.EqualTo("registration-response"));
            Assert.That(description["attestationObject"]!["fmt"]!.GetValue<string>(), Is.EqualTo(ConformanceCases.Text(testCase, "expected", "fmt")));
        }
    }

    [TestCaseSource(nameof(AuthenticationIds))]
    public void TryInspect_ConformanceAuthentication_Describes(string id)
    {
        var testCase = ConformanceCases.Authentication(id);

        var ok = WebAuthnInspector.TryInspect(testCase.GetProperty("credential").GetRawText(), out var description, out var message);

        Assert.That(ok, Is.True, message);
        Assert.That(description!["authenticatorData"]!["signCount"]!.GetValue<uint>(), Is.EqualTo(testCase.GetProperty("expected").GetProperty("signCount").GetUInt32()));
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("{\"response\":{}}")]
    [TestCase("A")]
    [TestCase("00")]
    [TestCase("{\"type\":\"webauthn.get\",\"type\":\"x\",\"challenge\":\"AA\"}")]
    public void TryInspect_Garbage_ReturnsFalse(string input)
    {
        var ok = WebAuthnInspector.TryInspect(input, out var description, out var message);

        Assert.That((ok, description is null, string.IsNullOrEmpty(message)), Is.EqualTo((false, true, false)));
    }
}
