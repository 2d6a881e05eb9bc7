namespace GuidelineBot.Web.Chat;

/// <summary>The person chatting (see <see cref="WebUser"/>): the id the core keys onboarding and votes on, and their name.</summary>
internal sealed record ChatUser(string Id, string DisplayName);
