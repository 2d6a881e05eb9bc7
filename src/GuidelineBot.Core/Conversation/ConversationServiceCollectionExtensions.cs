using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidelineBot.Core.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="ConversationService"/> every channel talks to. Needs the answer and onboarding engines and
    /// the store (<c>IFeedbackStore</c>, <c>IOnceStore</c>); uses the question log (<c>IQuestionLog</c>) when one is registered.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdGenerator>();
        services.TryAddSingleton<ConversationService>();
        return services;
    }
}
