using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// <c>POST /slack/commands</c>: <c>/guidelines &lt;question&gt;</c> answered inside the HTTP response as an ephemeral
/// Block Kit message. <c>help</c>, <c>topics</c> and empty text are handled by the core's intents.
/// </summary>
internal static class SlashCommandEndpoint
{
    public const string FailedText = "Sorry, something went wrong on my side — please try again in a minute.";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] AnswerService answers,
        [FromServices] SlashCommandReplies replies,
        [FromServices] IEnumerable<ISlackCommandKeyword> keywords,
        [FromServices] ILoggerFactory loggers,
        [FromServices] GuidelineMetrics metrics)
    {
        var form = SlackForm.Parse(context.Request, SlackRequestBody.From(context));
        if (form is null)
        {
            return Results.BadRequest();
        }

        if (form.Get("ssl_check") == "1")
        {
            return Results.Ok();
        }

        if (form.Get("command") is not { } name || form.Get("user_id") is not { } userId)
        {
            return Results.BadRequest();
        }

        var command = new SlashCommand(name, SlackText.ToQuestion(form.Get("text")), userId,
            form.Get("team_id"), form.Get("channel_id"), form.Get("response_url"), form.Get("trigger_id"), form.Get("user_name"));
        var ct = context.RequestAborted;
        foreach (var keyword in keywords)
        {
            if (keyword.Matches(command))
            {
                try
                {
                    return Json(await keyword.HandleAsync(command, ct));
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // E.g. the store is down: Slack gets its acknowledgement with an apology, the log gets the error.
                    loggers.CreateLogger(typeof(SlashCommandEndpoint).FullName!)
                        .LogError(ex, "Slack command {Command} ({Keyword}) failed: {Message}", command.Command, keyword.GetType().Name, ex.Message);
                    return Json(new CommandResponse(CommandResponse.Ephemeral, FailedText));
                }
            }
        }

        var reply = answers.Ask(command.Text, ct);
        metrics.Question("slack", reply);
        return Results.Bytes(replies.Json(reply), SlashCommandReplies.ContentType);
    }

    private static IResult Json(CommandResponse response) => Results.Json(response, SlackJsonContext.Default.CommandResponse);
}
