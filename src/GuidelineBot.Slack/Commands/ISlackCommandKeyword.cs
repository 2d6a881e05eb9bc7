using GuidelineBot.Slack.Api;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// A sub-command such as <c>/guidelines onboard</c>, checked before the text is treated as a question. Register with
/// <c>services.AddScoped&lt;ISlackCommandKeyword, …&gt;()</c>; the first that matches answers the command.
/// </summary>
public interface ISlackCommandKeyword
{
    bool Matches(SlashCommand command);

    /// <summary>Must answer within Slack's 3 s; queue longer work.</summary>
    Task<CommandResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}
