using System.Security.Cryptography;

namespace Mfa.Sample.Web.Hosting;

/// <summary>
/// The sample's local state, all under one folder (default <c>App_Data/</c> under the content root, ignored by git):
/// the SQLite file, the Data Protection keys, the development MFA secret key and the push challenge-signing key.
/// Keys are generated on first run and kept, so enrolled factors survive a restart; they never enter the repository.
/// </summary>
internal sealed class SampleDataDirectory
{
    private SampleDataDirectory(string path) => Path = path;

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "sample.db");

    public string DataProtectionKeys => System.IO.Path.Combine(Path, "keys");

    public string Phones => System.IO.Path.Combine(Path, "phones");

    public static SampleDataDirectory Open(string contentRoot, string? configured)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured));
        Directory.CreateDirectory(path);
        var directory = new SampleDataDirectory(path);
        Directory.CreateDirectory(directory.DataProtectionKeys);
        Directory.CreateDirectory(directory.Phones);
        return directory;
    }

    /// <summary>The 32-byte <c>Mfa:SecretKey</c> (encrypts TOTP seeds at rest), generated once.</summary>
    public byte[] MfaSecretKey() => ReadOrCreate("mfa-secret-key.txt", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.FromBase64String);

    /// <summary>The P-256 key that signs push challenges (enrolled phones pin it).</summary>
    public ECDsa PushSigningKey() => ReadOrCreate(
        "push-signing-key.pem",
        () =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return key.ExportPkcs8PrivateKeyPem();
        },
        pem =>
        {
            var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key;
        });

    private T ReadOrCreate<T>(string name, Func<string> create, Func<string, T> read)
    {
        var file = System.IO.Path.Combine(Path, name);
        if (!File.Exists(file))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options);
                writer.Write(create());
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }

        return read(File.ReadAllText(file).Trim());
    }
}
