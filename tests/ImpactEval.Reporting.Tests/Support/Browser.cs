using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ImpactEval.Reporting.Tests.Support;

/// <summary>Debian's headless Chromium driven through chromedriver (no browser download).</summary>
public static class Browser
{
    public static ChromeDriver Start(out string profile)
    {
        profile = Path.Combine(Path.GetTempPath(), "impacteval-selenium-" + Guid.NewGuid().ToString("N"));
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1200,900", $"--user-data-dir={profile}");
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }

    public static T Script<T>(this IWebDriver driver, string script) => (T)((IJavaScriptExecutor)driver).ExecuteScript(script)!;
}
