using Microsoft.Extensions.Options;

namespace GuidelineBot.Web.SignIn;

/// <summary>Checks the <c>Web</c> section at start-up: sign-in needs both authority and client id, the authority an absolute HTTPS URL.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        var authority = !string.IsNullOrWhiteSpace(options.Authority);
        var clientId = !string.IsNullOrWhiteSpace(options.ClientId);
        if (authority != clientId)
        {
            failures.Add("Web:Authority and Web:ClientId go together: set both to sign browser users in through OpenID Connect, or neither.");
        }

        if (authority && !IsAuthority(options.Authority!))
        {
            failures.Add($"Web:Authority must be an absolute https URL (http only for loopback), not '{options.Authority}'.");
        }

        if (options.MessagesPerMinute is < 1 or > 10_000)
        {
            failures.Add($"Web:MessagesPerMinute must be between 1 and 10000, not {options.MessagesPerMinute}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAuthority(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
