using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Experts;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// <b>🙋 Ask an expert</b> under an answer, <b>Answer</b> and <b>Assign to me</b> on a ticket post: the core decides
/// (members of the experts' channel only, for the ticket buttons). A form it returns opens as a modal at once
/// (<c>views.open</c>, the trigger expires in about 3 s), carrying what its submit needs (<see cref="ModalMetadata"/>);
/// anything else — assigned, a polite refusal that changes nothing — goes to the clicker alone.
/// Every Slack call a click makes fits in one window, <see cref="ClickBudget"/>, counted from the request's arrival (the
/// handler is scoped: one per request), so that a slow member list leaves less time for <c>views.open</c>, not more.
/// </summary>
internal sealed class ExpertActionHandler(
    ConversationService conversation,
    IOptions<SlackOptions> options,
    SlackApiClient api,
    ResponseUrlReplies replies,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ExpertActionHandler> logger) : ConversationActionHandler(conversation, options, logger)
{
    /// <summary>
    /// How long an <b>Assign to me</b> click waits for the clicker's name (<c>users.info</c>, with its retries) before the
    /// handle stands in for it: the click is answered inline, and Slack wants its 200 within 3 s.
    /// </summary>
    internal static readonly TimeSpan NameLookupBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// The window of one click for all its Slack calls (with their retries), from the request's arrival: its 200 is due
    /// within 3 s and its trigger_id expires then too, so <c>views.open</c> gets what the member list and the core left
    /// of it, and a form not opened by then counts as not opened and the clicker is told.
    /// </summary>
    internal static readonly TimeSpan ClickBudget = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// How long an <b>Assign to me</b> or <b>Answer</b> click waits for the experts' channel member list when it is not cached
    /// (<c>conversations.members</c>, every page, with retries) before the click fails and the clicker gets the apology; the
    /// read goes on and fills the cache for the next click.
    /// </summary>
    internal static readonly TimeSpan MembersLookupBudget = TimeSpan.FromSeconds(1);

    private readonly long _arrived = time.GetTimestamp();

    protected override bool Handles(ActionKind kind) => kind is ActionKind.AskExpert or ActionKind.ExpertAnswer or ActionKind.ExpertAssign;

    /// <summary>Who takes a ticket is shown by name (also on the other channels' posts): Slack's payload has only the handle.</summary>
    /// <remarks>The ticket buttons first make sure the member list the core checks is at hand (<see cref="MembersLookupBudget"/>).</remarks>
    protected override async Task<ConversationContext> ContextAsync(InteractionPayload payload, ActionKind kind, CancellationToken cancellationToken)
    {
        // The member list and the clicker's name are read side by side, each within its budget and the click's window.
        var members = kind is ActionKind.ExpertAssign or ActionKind.ExpertAnswer
            ? MembersWithinBudgetAsync(LogId(payload, kind), cancellationToken)
            : Task.CompletedTask;
        var context = kind == ActionKind.ExpertAssign
            ? SlackContext.For(Options, payload, await NameAsync(payload, LogId(payload, kind), cancellationToken))
            : await base.ContextAsync(payload, kind, cancellationToken);
        await members;
        return context;
    }

    private async Task MembersWithinBudgetAsync(string logId, CancellationToken cancellationToken)
    {
        if (services.GetServices<IExpertChannel>().OfType<SlackExpertChannel>().FirstOrDefault() is not { } channel ||
            channel.MembersAsync() is not { IsCompletedSuccessfully: false } read)
        {
            return;
        }

        async Task<bool> ReadAsync(CancellationToken ct)
        {
            await read.WaitAsync(ct);
            return true;
        }

        if (!await WithinAsync(MembersLookupBudget, ReadAsync, false, "conversations.members", logId, cancellationToken))
        {
            throw new SlackApiException("The members of the experts' channel were not read within the click's budget");
        }
    }

    private async Task<string> NameAsync(InteractionPayload payload, string logId, CancellationToken cancellationToken)
    {
        var handle = payload.User!.Name ?? payload.User.Username;
        return await WithinAsync(NameLookupBudget, ct => api.GetNameAsync(payload.User.Id!, handle, logId, ct), handle ?? "", "users.info", logId,
            cancellationToken);
    }

    /// <summary>
    /// <paramref name="call"/>, or <paramref name="fallback"/> (logged) once <paramref name="budget"/> or the click's
    /// window has passed, whichever comes first.
    /// </summary>
    private async Task<T> WithinAsync<T>(TimeSpan budget, Func<CancellationToken, Task<T>> call, T fallback, string method, string logId,
        CancellationToken cancellationToken)
    {
        var bound = TimeSpan.FromTicks(Math.Clamp((ClickBudget - time.GetElapsedTime(_arrived)).Ticks, 0, budget.Ticks));
        using var timeout = new CancellationTokenSource(bound, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Logger.LogWarning("Slack {Method} for {LogId} did not answer within {Seconds} s; the click goes on without it", method, logId,
                Math.Round(bound.TotalSeconds, 2));
            return fallback;
        }
    }

    protected override async Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        if (response.Messages is [FormMessage form])
        {
            if (await OpenAsync(payload, action, form, cancellationToken))
            {
                return;
            }

            response = new ConversationResponse([new NoticeMessage(NoticeKind.Failed)]);
        }

        foreach (var message in response.Messages)
        {
            await replies.SendToClickerAsync(payload, action, message, cancellationToken);
        }
    }

    private async Task<bool> OpenAsync(InteractionPayload payload, SlackAction action, FormMessage form, CancellationToken cancellationToken)
    {
        var logId = LogId(payload, ActionIds.Kind(action.ActionId!)!.Value);
        if (string.IsNullOrEmpty(payload.TriggerId))
        {
            Logger.LogWarning("Slack interaction {LogId} has no trigger_id; the form cannot be opened", logId);
            return false;
        }

        var here = SlackContext.For(Options, payload);
        if (new ModalMetadata(form.Submit.Value, here.ConversationId, here.IsDirect, here.TenantId, here.ReplyAddress, payload.ResponseUrl)
                .Encode(form.Submit.Kind) is not { } metadata)
        {
            Logger.LogWarning("Slack interaction {LogId}: where it came from does not fit in a form's {Max} characters of metadata; the form is not opened",
                logId, ModalMetadata.MaxLength);
            return false;
        }

        var view = new ViewsOpenRequest(payload.TriggerId, SlackRenderer.Modal(form, metadata));
        return await WithinAsync(ClickBudget, ct => api.OpenViewAsync(view, logId, ct), false, "views.open", logId, cancellationToken);
    }
}
