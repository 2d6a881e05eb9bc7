using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// ASP.NET Core's data protection (sign-in cookies, antiforgery tokens) keeps its key ring in the store
/// (<see cref="IKeyRingStore"/>), under one application name, so that a cookie or form token one replica issued is read by
/// every other one and survives restarts and rollouts (by default each process makes its own keys, in its home folder or
/// in memory). It also registers a hosted service that reads the key ring at start-up. Only the browser pages use it, so
/// the key ring is read when the first of them needs it instead: a start and a Slack- or Teams-only server then never
/// load the XML stack (≈5 MB of resident memory, and start-up time). Removing the service changes nothing else: the key
/// ring provider reads the keys on first use either way.
/// </summary>
public static class DataProtectionStartup
{
    /// <summary>The purpose every replica protects under (ASP.NET Core's default is the content root path).</summary>
    internal const string ApplicationName = "GuidelineBot";

    /// <summary>The data protection assembly, whose only hosted service (internal) is the one that reads the key ring eagerly.</summary>
    internal static readonly System.Reflection.Assembly DataProtectionAssembly = typeof(KeyManagementOptions).Assembly;

    /// <summary>Call after every <c>Add*</c> that may add data protection, and after the store.</summary>
    public static IServiceCollection AddSharedDataProtectionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IKeyRingStore>(), sp.GetRequiredService<IOnceStore>(),
                sp.GetRequiredService<TimeProvider>())));
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == DataProtectionAssembly).ToList())
        {
            services.Remove(eager);
        }

        return services;
    }
}
