using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit;

namespace ImpactEval.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven through chromedriver (headless, fresh profile), with the helpers the page tests share:
/// sign in, fill a field, take a screenshot into <see cref="ScreenshotDirectory"/>, run axe-core on the page.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "impacteval-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly Uri root;

    /// <summary>Starts Chromium on the host at <paramref name="root"/>.</summary>
    public Browser(Uri root, int width = 1280, int height = 900)
    {
        this.root = root;
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}", $"--window-size={width},{height}", "--lang=fr-FR");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
    }

    /// <summary>The driver.</summary>
    public ChromeDriver Driver { get; }

    /// <summary>Where screenshots are saved: TestResults/captures under the test project's output (printed once by each test that saves one).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "captures");

    /// <summary>The page's visible text.</summary>
    public string Text => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>Opens a path of the host.</summary>
    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(root, path.TrimStart('/')));

    /// <summary>Types into the field whose id is <paramref name="id"/> (its previous content cleared).</summary>
    public void Fill(string id, string value)
    {
        var field = Driver.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(value);
    }

    /// <summary>Chooses the option of value <paramref name="value"/> in the list whose id is <paramref name="id"/>.</summary>
    public void Select(string id, string value) => Driver.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    /// <summary>Clicks the submit button whose text is <paramref name="label"/> and waits for the next page.</summary>
    public void Submit(string label)
    {
        var button = Driver.FindElements(By.CssSelector("button, input[type=submit]")).First(b => b.Text.Trim() == label || b.GetAttribute("value") == label);
        ClickAndWait(button);
    }

    /// <summary>Clicks <paramref name="element"/> (a button or link that loads a page) and waits until the next page has replaced this one.</summary>
    public void ClickAndWait(IWebElement element)
    {
        var old = Driver.FindElement(By.TagName("html"));
        element.Click();
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(60));
        wait.Until(_ =>
        {
            try { return !old.Displayed; }
            catch (WebDriverException) { return true; } // stale: the next page replaced the document
        });
        wait.Until(driver => ((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState") as string == "complete");
    }

    /// <summary>Signs in through the form.</summary>
    public void SignIn(string name, string password)
    {
        Open("/connexion");
        Fill("nom", name);
        Fill("mot-de-passe", password);
        Submit("Se connecter");
    }

    /// <summary>Saves a PNG of the first element matching <paramref name="selector"/> (a chart, a table) as <c>&lt;name&gt;.png</c>.</summary>
    public string Screenshot(string name, string selector)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        var element = Driver.FindElement(By.CssSelector(selector));
        Driver.ExecuteScript("arguments[0].scrollIntoView(true);", element);
        ((ITakesScreenshot)element).GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Saves a PNG of the page (at most <paramref name="maxHeight"/> pixels high) as <c>&lt;name&gt;.png</c> in <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public string Screenshot(string name, int maxHeight = 4000)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        var height = Convert.ToInt32(Driver.ExecuteScript($"return Math.min(document.documentElement.scrollHeight, {maxHeight});"));
        var size = Driver.Manage().Window.Size;
        Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Max(height + 100, 600));
        Driver.GetScreenshot().SaveAsFile(path);
        Driver.Manage().Window.Size = size;
        return path;
    }

    /// <summary>
    /// Runs axe-core (the copy .ci/run installs under .build/axe; never fetched at run time) on the page and fails the
    /// test on any violation of impact "serious" or "critical", listing each rule and element.
    /// </summary>
    public void AssertAccessible(string page)
    {
        Driver.ExecuteScript(AxeSource.Value);
        var json = (string?)Driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, " +
            "help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))))).catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));");
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json ?? "[]", new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var blocking = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"axe-core sur {page} : " + string.Join("; ", blocking.Select(v => $"{v.Id} ({v.Impact}) {v.Help} → {string.Join(", ", v.Nodes)}")));
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, List<string> Nodes);

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("IMPACTEVAL_AXE_CORE"),
            Path.Combine(Repository.Root, ".build", "axe", "node_modules", "axe-core", "axe.min.js"),
        };
        var path = candidates.FirstOrDefault(p => p is not null && File.Exists(p))
            ?? throw new FileNotFoundException("axe-core est absent : lancez .ci/run (ou « npm install --prefix .build/axe axe-core@4.14.1 » à la racine du dépôt).");
        return File.ReadAllText(path);
    });

    /// <inheritdoc />
    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
