using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store from <c>Storage:Provider</c> / <c>Storage:ConnectionString</c> (validated at start-up), the
    /// stores behind <see cref="IFeedbackStore"/>, <see cref="IOnceStore"/> and <see cref="IOnboardingStore"/>, the <see cref="IQuestionLog"/> (written in the background by <see cref="QuestionLogWriter"/>), a start-up step that migrates the schema, and the daily purge of records older than
    /// <c>Storage:RetentionDays</c>.
    /// </summary>
    public static IServiceCollection AddGuidelineStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton<StoreDatabase>(sp => StoreDatabase.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<IFeedbackStore, SqlFeedbackStore>();
        services.TryAddSingleton<IOnceStore, SqlOnceStore>();
        services.TryAddSingleton<IOnboardingStore, SqlOnboardingStore>();
        services.TryAddSingleton<ITicketStore, SqlTicketStore>();
        services.TryAddSingleton<IExpertOutbox, SqlExpertOutbox>();
        services.TryAddSingleton<ISuggestionStore, SqlSuggestionStore>();
        services.TryAddSingleton<ISettingStore, SqlSettingStore>();
        services.TryAddSingleton<IKeyRingStore, SqlKeyRingStore>();
        services.TryAddSingleton<SqlQuestionLog>();
        // The batch window is a throughput knob on the wall clock, not the app's notion of time (a test's fake clock
        // would otherwise hold every write until a flush).
        services.TryAddSingleton(sp => new QuestionLogWriter(sp.GetRequiredService<SqlQuestionLog>(), sp.GetRequiredService<ILogger<QuestionLogWriter>>(), TimeProvider.System));
        services.TryAddSingleton<IQuestionLog>(sp => sp.GetRequiredService<QuestionLogWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<QuestionLogWriter>());
        services.TryAddSingleton<IStoreRetention, SqlStoreRetention>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVectorStore, SqlVectorStore>();
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService<StoreRetentionService>();
        return services;
    }
}

/// <summary>Brings the schema up to date while the server starts, before it takes requests.</summary>
internal sealed class StoreMigrationService(StoreDatabase database, ILogger<StoreMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int version;
        try
        {
            await database.EnsureMigratedAsync(cancellationToken);
            version = await Migrations.MigrationRunner.CurrentVersionAsync(database, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or Migrations.NewerSchemaException))
        {
            // The start's one line says which setting to look at ("Failed to connect to 127.0.0.1:5432", "file is not a
            // database", "cannot be written (read-only …)").
            throw new InvalidOperationException(
                $"the store ({database.Describe()}) cannot be opened: {ex.Message.TrimEnd('.', ' ')} (check Storage:Provider and Storage:ConnectionString)", ex);
        }

        logger.LogInformation("Store ready: {Store}, schema version {Version}", database.Describe(), version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
