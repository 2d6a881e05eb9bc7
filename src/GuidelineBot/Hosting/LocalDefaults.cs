namespace GuidelineBot.Hosting;

/// <summary>Start-up defaults for the server.</summary>
internal static class LocalDefaults
{
    /// <summary>
    /// `dotnet run --project src/GuidelineBot` from a checkout is a local try, so the environment is Development unless
    /// ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment says otherwise. Deployments set Production (where
    /// the Teams endpoint refuses to run unauthenticated).
    /// </summary>
    public static string[] WithDevelopmentByDefault(string[] args)
    {
        var named = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
                    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
                    || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)
                                     || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase));
        return named ? args : [.. args, "--environment", "Development"];
    }
}
