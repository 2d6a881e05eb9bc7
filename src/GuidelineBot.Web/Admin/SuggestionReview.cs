using System.Globalization;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web.Admin;

/// <summary>
/// <c>POST /admin/suggestions/{id}</c>, the dashboard's review forms (admin policy, antiforgery token): <c>decision</c>
/// <c>approve</c> or <c>reject</c> a pending one with the <c>question</c> and <c>answer</c> as edited, or <c>withdraw</c>
/// an approved one (a decision on a page older than another admin's is a 409). The decision is stored with the admin's name; an approval or a withdrawal reloads this replica's knowledge at
/// once (the others see the store's approved version change). Then back to the dashboard, at the same range, which confirms it.
/// </summary>
internal static class SuggestionReview
{
    public const string Route = "/suggestions/{id}";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Withdraw = "withdraw";

    /// <summary>Where the review list starts on the dashboard.</summary>
    public const string Anchor = "review";

    /// <summary>An edited question is one line of a document's heading.</summary>
    public const int MaxQuestionLength = 500;

    public static async Task<IResult> DecideAsync(string id, HttpContext http, ISuggestionStore suggestions, IKnowledgeStatus knowledge,
        IAntiforgery antiforgery, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Text("Post the dashboard's form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (await AdminEndpoints.RefuseForgedFormAsync(antiforgery, http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (await suggestions.GetAsync(id, cancellationToken) is not { } suggestion)
        {
            return NoSuchSuggestion(http, form);
        }

        var decision = form["decision"].ToString();
        var (question, answer) = decision == Withdraw
            ? (suggestion.Question, suggestion.Answer)
            : (form["question"].ToString().Trim(), form["answer"].ToString().Trim());
        if (decision is not (Approve or Reject or Withdraw))
        {
            // The page's buttons send one of these; anything else came from elsewhere, and gets the page's own style too.
            return AdminEndpoints.Refused(http, form, StatusCodes.Status400BadRequest, "Unknown decision",
                "The decision must be approve, reject or withdraw: reload the dashboard and use its buttons.", Anchor);
        }

        if (question.Length == 0 || answer.Length == 0)
        {
            return NotSaved(http, form, "The question and the answer must not be empty.");
        }

        if (question.Length > MaxQuestionLength || answer.Length > ExpertInputs.MaxAnswerLength)
        {
            return NotSaved(http, form, string.Create(CultureInfo.InvariantCulture,
                $"The question can be up to {MaxQuestionLength:N0} characters and the answer up to {ExpertInputs.MaxAnswerLength:N0}; " +
                $"this question has {question.Length:N0} and this answer {answer.Length:N0}. Shorten it and try again."));
        }

        if (decision == Approve && !ExpertAnswersDocument.IsPublishable(question, answer))
        {
            return NotSaved(http, form, "Nothing would be left of the question or the answer in the knowledge (only Markdown marks, such as ### or ---): write it in words.");
        }

        if (decision == Withdraw && suggestion.Status == SuggestionStatus.Pending)
        {
            return AdminEndpoints.Refused(http, form, StatusCodes.Status409Conflict, "Not approved yet", "Only an approved answer can be withdrawn.", Anchor);
        }

        // A page opened before another admin's decision would undo that decision (a live answer taken out, a corrected
        // one put back as it was, a rejected one made live): only Withdraw takes an approved answer out. The store makes
        // the decision only from the status read here, so two admins deciding at the same instant are caught too.
        var from = decision == Withdraw ? SuggestionStatus.Approved : SuggestionStatus.Pending;
        var status = decision switch
        {
            Approve => SuggestionStatus.Approved,
            Reject => SuggestionStatus.Rejected,
            _ => SuggestionStatus.Withdrawn,
        };
        if (suggestion.Status != from
            || !await suggestions.DecideAsync(id, from, question, answer, status, AdminName(http), time.GetUtcNow(), cancellationToken))
        {
            return await suggestions.GetAsync(id, cancellationToken) is { } now
                ? DecidedAlready(http, form, now)
                : NoSuchSuggestion(http, form);
        }

        if (decision != Reject)
        {
            // The knowledge changed: this replica serves it now, not at its next poll.
            await knowledge.ReloadAsync(cancellationToken);
        }

        return Results.Redirect(AdminEndpoints.Back(http, form, decision, Anchor));
    }

    /// <summary>409: the suggestion as another admin's decision left it, and who made it when.</summary>
    private static IResult DecidedAlready(HttpContext http, IFormCollection form, KnowledgeSuggestion suggestion)
    {
        var when = suggestion.DecidedAt is { } at ? $" on {DashboardTables.Time(at)} UTC" : "";
        return AdminEndpoints.Refused(http, form, StatusCodes.Status409Conflict, "Already decided",
            $"This answer was already {suggestion.Status.ToString().ToLowerInvariant()} by {suggestion.DecidedBy ?? "another admin"}{when}: reload the dashboard to see it as it is now.",
            Anchor);
    }

    /// <summary>400: the edited question or answer cannot be stored as it is; the browser's Back button returns to the edits.</summary>
    private static IResult NotSaved(HttpContext http, IFormCollection form, string message) =>
        AdminEndpoints.Refused(http, form, StatusCodes.Status400BadRequest, "The answer was not saved", message + " Go back to your edits to change it.", Anchor);

    private static IResult NoSuchSuggestion(HttpContext http, IFormCollection form) =>
        AdminEndpoints.Refused(http, form, StatusCodes.Status404NotFound, "No such answer", "There is no such suggestion.", Anchor);

    /// <summary>The signed-in admin's name (or id); in local mode, where nobody signs in, "local admin".</summary>
    private static string AdminName(HttpContext http) =>
        WebClaims.DisplayName(http.User) is { Length: > 0 } name ? name : WebClaims.UserId(http.User) ?? "local admin";
}
