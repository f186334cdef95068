using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.Web;
using ImpactEval.Web.Accounts;
using ImpactEval.Worker.Api;
using ImpactEval.Worker.Extensions;
using ImpactEval.Worker.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

using static ImpactEval.Benchmarks.Arguments;

namespace ImpactEval.Benchmarks;

/// <summary>
/// <c>web [--families 900] [--roster 10000] [--rows 10000] [--requests 30]</c>: the web application's pages on the real
/// host (the worker composed as its Program.cs, in this process, on loopback, SQLite): a cité's dashboard with a
/// 900-family cohort, pages of the roster of a 10,000-participant cohort, and the upload (dry run) of that cohort's
/// 10,000-row observation file with one row in 100 wrong, until its error report is shown. Times are measured by the client on loopback (server time plus well under a
/// millisecond of HTTP), after one warm-up request; median and 95th percentile.
/// </summary>
public static partial class WebScenario
{
    private const string Password = "Banc-d-essai-2026";

    /// <summary>Runs the scenario.</summary>
    public static int Run(string[] args)
    {
        var root = Path.Combine(Environment.GetEnvironmentVariable("IMPACTEVAL_BENCH_DATA") ?? Path.GetTempPath(), $"impacteval-bench-web-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        try
        {
            return RunAsync(IntOption(args, "--families", 900), IntOption(args, "--roster", 10_000), IntOption(args, "--rows", 10_000), IntOption(args, "--requests", 30), root)
                .GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!args.Contains("--keep")) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> RunAsync(int families, int rosterSize, int rows, int requests, string root)
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "protocols", "passerelles.yaml"));
        var store = new StoreOptions { DataDirectory = root };
        var setup = Stopwatch.StartNew();
        await using (var db = await Store.OpenCurrentAsync(store))
        {
            var pseudonymiser = new Pseudonymiser(PseudonymKey.LoadOrCreate(Path.Combine(root, "pseudonymisation.key")));
            await LoadAsync(db, pseudonymiser, yaml, "passerelles", "CE-999-01", families, root);
            await LoadAsync(db, pseudonymiser, yaml, "grande-cohorte", "CE-999-02", rosterSize, root);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: cité CE-999-01 with {families} families, cité CE-999-02 with {rosterSize} participants (PasserelleS protocol, 2 waves), one SQLite store; set-up {setup.Elapsed.TotalSeconds:F0} s"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0", $"--Store:DataDirectory={root}", "--Access:BootstrapAdministrator=false", "--Logging:LogLevel:Default=Warning"],
            ContentRootPath = root,
            EnvironmentName = "Production",
        });
        builder.AddApplicationServices();
        await using var app = builder.Build();
        app.MapApplicationEndpoints();
        await app.StartAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("banc", AccessRole.Administrator, [], Password, "bench");
        // Let the worker's first jobs (schedule sync, data watch, recomputation of the new data) finish before measuring.
        await Task.Delay(TimeSpan.FromSeconds(20));
        using var client = new Client(new Uri(app.Urls.Single()));
        await client.SignInAsync("banc", Password);

        var dashboard = await TimeAsync(requests, _ => client.GetAsync("/cites/CE-999-01"));
        Report($"dashboard of a {families}-family cohort (/cites/CE-999-01)", dashboard, 150);
        var pages = (rosterSize + 49) / 50;
        var roster = await TimeAsync(requests, i => client.GetAsync($"/cites/CE-999-02/protocoles/grande-cohorte/cohorte?p={1 + i * 37 % pages}"));
        Report($"roster of {rosterSize} participants, one page of 50 (/cites/CE-999-02/protocoles/grande-cohorte/cohorte?p=…)", roster, 200);

        var file = ErrorFile(root, rows);
        var upload = await TimeAsync(Math.Max(3, requests / 6), async _ =>
        {
            var response = await client.UploadAsync("/cites/CE-999-02/protocoles/grande-cohorte/import?handler=Verifier", file);
            var html = await response.Content.ReadAsStringAsync();
            if (!html.Contains("rapport-erreurs", StringComparison.Ordinal)) throw new InvalidOperationException("no error report in the answer");
            return response;
        });
        Report($"upload of a {Math.Min(rows, rosterSize)}-row observation file ({new FileInfo(file).Length / 1e6:F1} MB, 1 row in 100 wrong) until its error report is shown", upload, 3000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Machine.PeakWorkingSetMiB():F0} MiB"));
        await app.StopAsync();
        return 0;
    }

    private static async Task LoadAsync(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, string yaml, string code, string territory, int families, string root)
    {
        var text = yaml.Replace("id: passerelles\n", $"id: {code}\n", StringComparison.Ordinal).Replace("code: CE-999-01", $"code: {territory}", StringComparison.Ordinal);
        var loaded = ProtocolLoader.Load(text, $"{code}.yaml");
        await new ProtocolRegistry(db).RegisterAsync(loaded, $"{code}.yaml", "bench");
        var protocol = loaded.Protocol!;
        var cohort = PasserelleSCohort.Generate(PasserelleSCohort.DemoSeed, families);
        var files = CohortFiles.Write(protocol, cohort.Participants, Path.Combine(root, "donnees", code));
        var options = new ImportOptions("bench");
        await using (var stream = File.OpenRead(files[0]))
            Check(await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(files[0]), options));
        foreach (var file in files.Skip(1))
        {
            await using var stream = File.OpenRead(file);
            Check(await new ObservationImporter(db, pseudonymiser).ImportAsync(protocol, stream, Path.GetFileName(file), options));
        }
        // Estimates computed now, so that the worker's recomputation after start finds them current and does not compete.
        await new ImpactEval.Analysis.EstimateService(db).ComputeAsync(code, "bench");
        db.ChangeTracker.Clear();
    }

    /// <summary>The T1 observation file of the large cohort (one row per participant), cut to <paramref name="rows"/> rows, one row in 100 with a value off the scale.</summary>
    private static string ErrorFile(string root, int rows)
    {
        var source = File.ReadAllLines(Path.Combine(root, "donnees", "grande-cohorte", "observations-T1.csv"), Encoding.UTF8);
        var path = Path.Combine(root, "envoi-erreurs.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.WriteLine(source[0]);
        for (var i = 0; i < rows; i++)
        {
            var cells = source[1 + i % (source.Length - 1)].Split(';');
            if (i % 100 == 7) cells[^1] = "beaucoup";
            writer.WriteLine(string.Join(';', cells));
        }
        return path;
    }

    private static async Task<List<double>> TimeAsync(int count, Func<int, Task<HttpResponseMessage>> request)
    {
        (await request(0)).EnsureSuccessStatusCode(); // warm-up (compilation of the page, first queries)
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await request(i + 1);
            await response.Content.LoadIntoBufferAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static void Report(string what, List<double> times, double goal)
    {
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms over {times.Count} requests (goal < {goal:F0} ms: {(At(0.95) < goal ? "met" : "NOT met")})"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ImpactEval.sln"))) return directory.FullName;
        throw new InvalidOperationException("Run the web scenario from the repository (it reads protocols/passerelles.yaml).");
    }

    /// <summary>An HTTP client that keeps the session cookies itself (they are Secure-aware) and posts forms with their antiforgery token.</summary>
    private sealed partial class Client(Uri root) : IDisposable
    {
        private readonly HttpClient http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(5) };
        private readonly Dictionary<string, string> cookies = [];

        public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public async Task SignInAsync(string name, string password)
        {
            var token = await TokenAsync("/connexion");
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/connexion")
            {
                Content = new FormUrlEncodedContent([new("nom", name), new("motDePasse", password), new("__jeton", token)]),
            });
            if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("sign-in refused");
        }

        public async Task<HttpResponseMessage> UploadAsync(string path, string file)
        {
            var token = await TokenAsync(path.Split('?')[0]);
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__jeton" },
                { new StringContent("observations"), "type" },
                { new StringContent(""), "vague" },
                { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "fichier", Path.GetFileName(file) },
            };
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form });
        }

        private async Task<string> TokenAsync(string path)
        {
            var html = await (await GetAsync(path)).Content.ReadAsStringAsync();
            return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
                foreach (var pair in values.Select(v => v.Split(';', 2)[0]))
                    cookies[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            return response;
        }

        [GeneratedRegex("name=\"__jeton\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();

        public void Dispose() => http.Dispose();
    }
}
