namespace GuidelineBot.Web.SignIn;

/// <summary>Configuration key <c>Admin:Role</c>: who may open the admin dashboard once signed in.</summary>
public sealed class AdminRoleOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// An app role (the token's <c>roles</c> claim) or a group object id (its <c>groups</c> claim). Empty: nobody signed
    /// in is an admin (the dashboard is then open only in Development on loopback).
    /// </summary>
    public string? Role { get; set; }
}
