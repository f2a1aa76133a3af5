namespace Mfa.Sample.Web.Accounts;

/// <summary>One of the sample's users (the password hash never leaves <see cref="AccountStore"/>).</summary>
internal sealed record Account(string Id, string Username, bool IsAdmin, DateTimeOffset CreatedAt);
