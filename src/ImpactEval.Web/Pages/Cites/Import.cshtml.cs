using ImpactEval.Collection.Import;
using ImpactEval.Collection.Pseudonymisation;
using ImpactEval.Core.Model;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// Upload of a CSV or XLSX file of enrolments or observations, through the command line's importers
/// (<see cref="EnrolmentImporter"/>, <see cref="ObservationImporter"/>): all-or-nothing, idempotent, audited with the
/// account; "Vérifier" is their dry run. A refused file's problems are shown as a table, each at its line and column.
/// The file is read in memory and never kept.
/// </summary>
[Authorize(Policy = WebPolicies.EnterData)]
public sealed class ImportModel(ImpactEvalDbContext db, Pseudonymiser pseudonymiser, IOptions<WebOptions> options) : AppPageModel
{
    /// <summary>Problems listed in the table at most (the count says how many there are).</summary>
    public const int ProblemsShown = 500;

    /// <summary>"observations" or "inscriptions".</summary>
    [BindProperty] public string Type { get; set; } = "observations";

    /// <summary>The wave chosen, or empty for the file's "vague" column.</summary>
    [BindProperty] public string? Vague { get; set; }

    /// <summary>The file.</summary>
    [BindProperty] public IFormFile? Fichier { get; set; }

    /// <summary>The outcome of the last check or import.</summary>
    public ImportResult? Result { get; private set; }

    /// <summary>Whether the last submission was a dry run.</summary>
    public bool DryRun { get; private set; }

    /// <summary>The protocol's waves.</summary>
    public IReadOnlyList<Wave> Waves { get; private set; } = [];

    /// <summary>The size limit in MiB.</summary>
    public long MaxMegabytes => options.Value.MaxUploadBytes / (1024 * 1024);

    private Protocol protocol = null!;

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Checks the file without writing anything.</summary>
    public Task<IActionResult> OnPostVerifierAsync() => RunAsync(dryRun: true);

    /// <summary>Imports the file.</summary>
    public Task<IActionResult> OnPostImporterAsync() => RunAsync(dryRun: false);

    private async Task<IActionResult> RunAsync(bool dryRun)
    {
        await LoadAsync();
        DryRun = dryRun;
        if (Fichier is null || Fichier.Length == 0)
        {
            Errors.Add("fichier", "Choisissez un fichier .csv ou .xlsx.");
            return Page();
        }
        var name = Path.GetFileName(Fichier.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            Errors.Add("fichier", $"« {name} » n’est ni un fichier .csv ni un classeur .xlsx.");
            return Page();
        }
        await using var content = new MemoryStream(checked((int)Fichier.Length));
        await Fichier.CopyToAsync(content, HttpContext.RequestAborted);
        content.Position = 0;
        var importOptions = new ImportOptions(Scope.Actor, dryRun, string.IsNullOrWhiteSpace(Vague) ? null : Vague);
        Result = Type == "inscriptions"
            ? await new EnrolmentImporter(db, pseudonymiser).ImportAsync(protocol, content, name, importOptions, HttpContext.RequestAborted)
            : await new ObservationImporter(db, pseudonymiser).ImportAsync(protocol, content, name, importOptions, HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync()
    {
        protocol = (await new ProtocolRegistry(db).LoadCurrentAsync(Cite.ProtocolCode!, HttpContext.RequestAborted))!.Value.Protocol;
        Waves = protocol.Waves;
    }
}
