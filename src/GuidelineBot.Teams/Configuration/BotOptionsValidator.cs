using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Configuration;

/// <summary>
/// Checks the <c>Bot</c> section at start-up. No App ID is valid (Teams then runs in local mode or is off, see
/// <c>TeamsAccess</c>); an App ID needs the rest of its registration.
/// </summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.IsLocalMode)
        {
            foreach (var origin in options.LocalServiceUrls ?? [])
            {
                if (!AddressPolicy.IsLoopbackOrigin(origin))
                {
                    failures.Add($"Bot:LocalServiceUrls entries must be loopback origins such as http://localhost:56150 (no path or query), not '{origin}'.");
                }
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("Bot:MicrosoftAppPassword (the client secret) is required when Bot:MicrosoftAppId is set.");
            }

            if (!string.Equals(options.MicrosoftAppType, BotOptions.SingleTenant, StringComparison.OrdinalIgnoreCase) && !options.IsMultiTenant)
            {
                failures.Add($"Bot:MicrosoftAppType must be '{BotOptions.SingleTenant}' or '{BotOptions.MultiTenant}', not '{options.MicrosoftAppType}'.");
            }
            else if (!options.IsMultiTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) && string.IsNullOrWhiteSpace(options.TokenEndpoint))
            {
                failures.Add("Bot:MicrosoftAppTenantId is required for a SingleTenant bot (the Entra tenant the bot is registered in).");
            }

            CheckAddress(failures, "Bot:TokenEndpoint", options.ResolvedTokenEndpoint);
        }

        CheckAddress(failures, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(List<string> failures, string key, string? value)
    {
        if (!AddressPolicy.IsHttpsOrLoopback(value))
        {
            failures.Add($"{key} must be an absolute https URL (plain http only on loopback), not '{value}'.");
        }
    }
}
