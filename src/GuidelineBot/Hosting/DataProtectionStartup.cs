using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace GuidelineBot.Hosting;

/// <summary>
/// ASP.NET Core's data protection (sign-in cookies, antiforgery tokens) registers a hosted service that reads its key ring
/// at start-up. Only the browser pages use it, so the key ring is read when the first of them needs it instead: a start
/// and a Slack- or Teams-only server then never load the XML stack (≈5 MB of resident memory, and start-up time).
/// Removing the service changes nothing else: the key ring provider reads the keys on first use either way.
/// </summary>
public static class DataProtectionStartup
{
    /// <summary>The data protection assembly, whose only hosted service (internal) is the one that reads the key ring eagerly.</summary>
    internal static readonly System.Reflection.Assembly DataProtectionAssembly = typeof(KeyManagementOptions).Assembly;

    /// <summary>Call after every <c>Add*</c> that may add data protection.</summary>
    public static IServiceCollection LoadDataProtectionKeysOnFirstUse(this IServiceCollection services)
    {
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == DataProtectionAssembly).ToList())
        {
            services.Remove(eager);
        }

        return services;
    }
}
