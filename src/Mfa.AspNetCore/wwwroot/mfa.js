// Mfa.AspNetCore browser client (ES module). Placeholder: the functions listed in docs/aspnetcore.md follow.
export const version = "0.0.0";
