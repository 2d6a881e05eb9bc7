using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web;

/// <summary>An endpoint's refusal as a <see cref="ProblemPage"/>: <paramref name="message"/> alone is the plain-text body.</summary>
internal sealed class ProblemPageResult(int status, string title, string message, string linkText, string link) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemPage.WriteAsync(httpContext, status, title, message, linkText, link, message);
}
