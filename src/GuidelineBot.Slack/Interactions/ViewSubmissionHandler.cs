using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// A <c>view_submission</c> (a modal's submit, signed like every interaction): the <c>callback_id</c> names the submit
/// action, <c>private_metadata</c> where it was opened (<see cref="ModalMetadata"/>), <c>view.state.values</c> the fields.
/// An empty answer keeps the modal open with the error under the field; otherwise the submission is queued
/// (<see cref="FormSubmitHandler"/>) and the empty 200 closes the modal within Slack's 3 s.
/// </summary>
internal sealed class ViewSubmissionHandler(WorkQueue<SlackWork> queue, ILogger<ViewSubmissionHandler> logger)
{
    public async Task<IResult> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.User?.Id is not { Length: > 0 } userId || payload.View is not { } view)
        {
            return SlackBadRequest.Because("view_submission needs user.id and view.");
        }

        var kind = view.CallbackId is { } callbackId ? ActionIds.Kind(callbackId) : null;
        if (kind is not (ActionKind.SendToExpert or ActionKind.SubmitExpertAnswer))
        {
            logger.LogInformation("Slack view_submission for an unknown modal {CallbackId}; closed", view.CallbackId?.Length > 100 ? view.CallbackId[..100] : view.CallbackId);
            return Results.Ok();
        }

        if (ModalMetadata.Decode(view.PrivateMetadata) is not { } metadata)
        {
            logger.LogWarning("Slack view_submission {CallbackId} has no readable private_metadata", view.CallbackId);
            return SlackBadRequest.Because("The modal's private_metadata cannot be read.");
        }

        var inputs = Inputs(view.State);
        if (kind == ActionKind.SubmitExpertAnswer && !ExpertInputs.HasWords(inputs.GetValueOrDefault(ExpertInputs.Answer)))
        {
            return Results.Json(ViewSubmissionResponse.Error(ExpertInputs.Answer, MessageText.Render(new NoticeMessage(NoticeKind.ExpertAnswerEmpty))),
                SlackJsonContext.Default.ViewSubmissionResponse);
        }

        var logId = $"{kind} by {LogText.Pseudonym(userId)} ({view.Id})";
        var work = new ViewSubmissionWork(userId, payload.User.Name ?? payload.User.Username, payload.User.TeamId ?? payload.Team?.Id, kind.Value, metadata,
            inputs, logId);
        if (!await queue.TryEnqueueAsync(work, cancellationToken))
        {
            logger.LogError("Slack view_submission {LogId} not accepted: the work queue is full", logId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>
    /// The field values by action id (the core's field ids): a text input's text, a checkbox group's <c>"true"</c> when its
    /// box is ticked, else <c>"false"</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Inputs(SlackViewState? state)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in state?.Values?.Values ?? [])
        {
            foreach (var (actionId, field) in block ?? new Dictionary<string, SlackViewValue?>())
            {
                if (field is null)
                {
                    continue;
                }

                inputs[actionId] = field.SelectedOptions is { } selected
                    ? (selected.Any(o => o?.Value == SlackRenderer.ToggleValue) ? "true" : "false")
                    : field.Value ?? "";
            }
        }

        return inputs;
    }
}

/// <summary>An answer to a <c>view_submission</c> that keeps the modal open with errors under its fields (by block id).</summary>
public sealed record ViewSubmissionResponse(string ResponseAction, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static ViewSubmissionResponse Error(string blockId, string message) => new("errors", new Dictionary<string, string> { [blockId] = message });
}
