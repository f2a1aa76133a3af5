using Mfa.Sample.Web;

// dotnet run --project samples/Mfa.Sample.Web  →  http://127.0.0.1:5000 (override with --urls or ASPNETCORE_URLS).
await using var app = await SampleApp.BuildAsync(args);
await app.RunAsync();
