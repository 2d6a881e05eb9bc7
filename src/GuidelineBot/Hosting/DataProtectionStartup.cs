namespace GuidelineBot.Hosting;

/// <summary>
/// ASP.NET Core's data protection (sign-in cookies, antiforgery tokens) registers a hosted service that reads its key ring
/// at start-up. Only the browser pages use it, so the key ring is read when the first of them needs it instead: a start
/// and a Slack- or Teams-only server then never load the XML stack (≈5 MB of resident memory, and start-up time).
/// Removing the service changes nothing else: the key ring provider reads the keys on first use either way.
/// </summary>
public static class DataProtectionStartup
{
    /// <summary>The framework's internal hosted service that reads the key ring eagerly.</summary>
    internal const string EagerKeyRingService = "DataProtectionHostedService";

    /// <summary>Call after every <c>Add*</c> that may add data protection.</summary>
    public static IServiceCollection LoadDataProtectionKeysOnFirstUse(this IServiceCollection services)
    {
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == EagerKeyRingService).ToList())
        {
            services.Remove(eager);
        }

        return services;
    }
}
