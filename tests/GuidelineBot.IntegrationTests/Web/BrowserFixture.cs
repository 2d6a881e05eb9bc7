using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// One headless Chromium for a test class (<c>IClassFixture&lt;BrowserFixture&gt;</c>), launched through Playwright from
/// Debian's package (tests/scripts/chromium-start.sh installs it; Playwright's own browser download is not used).
/// Pages are opened in fresh contexts (own cookies) at a given viewport; <see cref="ScreenshotAsync"/> saves into the
/// repository (e.g. docs/screenshots/).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CHROMIUM_PATH";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>$CHROMIUM_PATH, else /usr/bin/chromium, or null when neither exists.</summary>
    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is missing: " + Missing);

    private static string Missing => $"set {ChromiumVariable} or run tests/scripts/chromium-start.sh (apt-get install chromium)";

    public async Task InitializeAsync()
    {
        if (ChromiumPath is not { } chromium)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page in a fresh browser context (own cookies), <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// From now on, every error in <paramref name="page"/>'s console (where the browser reports a failed load of its own,
    /// e.g. a missing /favicon.ico, which the page's network events do not show), every uncaught script error and every
    /// response with an error status.
    /// </summary>
    public static ConcurrentQueue<string> RecordErrors(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue("script: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        return errors;
    }

    /// <summary>Saves a PNG at <paramref name="repoRelativePath"/> under the repository root and returns the full path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string repoRelativePath, bool fullPage = true)
    {
        var path = Path.Combine(RepoPaths.Root, repoRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// A test that needs Chromium. Skipped where it is missing, except in CI (CI=true), where it runs and fails with what is
/// missing: CI installs it through tests/scripts/chromium-start.sh.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && BrowserFixture.ChromiumPath is null)
        {
            Skip = "Chromium is missing (these tests run in CI and through tests/run.sh, which install it).";
        }
    }
}
