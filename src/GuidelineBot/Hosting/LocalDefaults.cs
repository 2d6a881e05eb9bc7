namespace GuidelineBot.Hosting;

/// <summary>Start-up defaults for the server.</summary>
internal static class LocalDefaults
{
    /// <summary>
    /// `dotnet run --project src/GuidelineBot` from a checkout is a local try, so the environment is Development unless
    /// ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment says otherwise. Deployments set Production (where
    /// Teams without an App ID is off; unauthenticated local mode needs Development and loopback-only addresses).
    /// </summary>
    public static string[] WithDevelopmentByDefault(string[] args)
    {
        var named = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
                    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
                    || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)
                                     || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase));
        return named ? args : [.. args, "--environment", "Development"];
    }

    /// <summary>The address when none is given: http://localhost:3978 (the Bot Framework tools' default).</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>Adds <c>--urls http://localhost:3978</c> unless --urls, ASPNETCORE_URLS, DOTNET_URLS or URLS name one.</summary>
    public static string[] WithDefaultUrl(string[] args)
    {
        var named = new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" }
                        .Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))
                    || args.Any(a => a.StartsWith("--urls", StringComparison.OrdinalIgnoreCase)
                                     || a.StartsWith("/urls", StringComparison.OrdinalIgnoreCase));
        return named ? args : [.. args, "--urls", DefaultUrl];
    }

    /// <summary>The host configuration key that makes appsettings*.json reload when the file changes.</summary>
    public const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>
    /// Configuration is read once, at start (a changed appsettings.json takes a restart, as in a container), unless
    /// <c>--hostBuilder:reloadConfigOnChange</c> or <c>DOTNET_hostBuilder__reloadConfigOnChange</c> says otherwise. The
    /// reload watches the whole content root with its subfolders, and the SQLite data folder under it changes with every
    /// question logged: under load that watcher took about 12 % of the server's CPU.
    /// </summary>
    public static string[] WithoutConfigurationReload(string[] args)
    {
        var variable = "DOTNET_" + ReloadConfigOnChangeKey.Replace(":", "__", StringComparison.Ordinal);
        var named = Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(k => string.Equals(k, variable, StringComparison.OrdinalIgnoreCase))
                    || args.Any(a => a.TrimStart('-', '/').StartsWith(ReloadConfigOnChangeKey, StringComparison.OrdinalIgnoreCase));
        return named ? args : [.. args, "--" + ReloadConfigOnChangeKey + "=false"];
    }
}
