using System.Text.Json.Nodes;

namespace Mfa.Cli.Tests.Push;

/// <summary>RFC 8291 §5 / Appendix A through the tool (values as printed in the RFC).</summary>
[TestFixture]
public sealed class WebPushCommandsTests
{
    private const string Plaintext = "When I grow up, I want to be a watermelon";
    private const string UaPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string UaPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string AsPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private const string Salt = "DGv6ra1nlYgDCS1FRnbzlw";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private string _plaintextFile = null!;

    [SetUp]
    public void SetUp()
    {
        _plaintextFile = Path.GetTempFileName();
        File.WriteAllText(_plaintextFile, Plaintext);
    }

    [TearDown]
    public void TearDown() => File.Delete(_plaintextFile);

    [Test]
    public async Task Encrypt_Rfc8291VectorKeyAndSalt_PrintsThePublishedBody()
    {
        var run = await CliRun.RunAsync(
            "push", "webpush-encrypt", "--ua-public", UaPublic, "--auth-secret", AuthSecret, "--plaintext-file", _plaintextFile,
            "--as-private", AsPrivate, "--salt", Salt, "--record-size", "4096");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out.Trim(), Is.EqualTo(Body));
    }

    [Test]
    public async Task Decrypt_Rfc8291VectorBody_PrintsThePlaintext()
    {
        var run = await CliRun.RunAsync("push", "webpush-decrypt", "--ua-private", UaPrivate, "--auth-secret", AuthSecret, "--body", Body);
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out.Trim(), Is.EqualTo(Plaintext));
    }

    [Test]
    public async Task Encrypt_FreshKeyAndSalt_DecryptsBackThroughTheTool()
    {
        var encrypted = await CliRun.RunAsync("push", "webpush-encrypt", "--ua-public", UaPublic, "--auth-secret", AuthSecret, "--plaintext-file", _plaintextFile);
        Assert.That(encrypted.Out.Trim(), Is.Not.EqualTo(Body));
        var decrypted = await CliRun.RunAsync("push", "webpush-decrypt", "--ua-private", UaPrivate, "--auth-secret", AuthSecret, "--body", encrypted.Out.Trim());
        Assert.That(decrypted.Out.Trim(), Is.EqualTo(Plaintext));
    }

    [Test]
    public async Task Decrypt_TamperedBody_Exit1NotAuthentic()
    {
        var tampered = Body[..^2] + (Body[^2] == 'A' ? "B" : "A") + Body[^1];
        var run = await CliRun.RunAsync("push", "webpush-decrypt", "--ua-private", UaPrivate, "--auth-secret", AuthSecret, "--body", tampered);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That((string?)JsonNode.Parse(run.Out)!["failure"], Is.EqualTo("NotAuthentic"));
    }

    [Test]
    public async Task Decrypt_WrongAuthSecret_Exit1NotAuthentic()
    {
        var run = await CliRun.RunAsync("push", "webpush-decrypt", "--ua-private", UaPrivate, "--auth-secret", "AAAAAAAAAAAAAAAAAAAAAA", "--body", Body);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That((string?)run.Json["failure"], Is.EqualTo("NotAuthentic"));
    }

    [Test]
    public async Task Encrypt_PublicKeyOffTheCurve_Exit1InvalidPublicKey()
    {
        var offCurve = UaPublic[..^1] + (UaPublic[^1] == 'A' ? "B" : "A");
        var run = await CliRun.RunAsync("push", "webpush-encrypt", "--ua-public", offCurve, "--auth-secret", AuthSecret, "--plaintext-file", _plaintextFile);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That((string?)run.Json["failure"], Is.EqualTo("InvalidPublicKey"));
    }

    [TestCase("BTBZMqHH6r4Tts7J_aSIgg==")]
    [TestCase("not base64url!")]
    public async Task Decrypt_AuthSecretNotBase64UrlWithoutPadding_Exit2(string secret)
    {
        var run = await CliRun.RunAsync("push", "webpush-decrypt", "--ua-private", UaPrivate, "--auth-secret", secret, "--body", Body);
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Encrypt_MissingPlaintextFile_Exit2()
    {
        var run = await CliRun.RunAsync("push", "webpush-encrypt", "--ua-public", UaPublic, "--auth-secret", AuthSecret);
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
