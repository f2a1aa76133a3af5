using Mfa.Core.Service;

namespace Mfa.Sample.Web.Pages.Admin;

/// <summary>One user on the admin page.</summary>
internal sealed record AdminUserRow(Accounts.Account Account, MfaUserStatus Status);
