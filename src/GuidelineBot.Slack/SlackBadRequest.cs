using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Slack;

/// <summary>
/// 400 for a request Slack itself would never send (a body that is not its form or JSON, a field it always sends
/// missing): the reason in one plain-text line, for whoever is testing the endpoint (Slack does not show it).
/// </summary>
internal static class SlackBadRequest
{
    public static IResult Because(string reason) => Results.Text(reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
