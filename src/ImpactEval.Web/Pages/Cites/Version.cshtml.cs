using System.Text;
using ImpactEval.Analysis.Evaluability;
using ImpactEval.Core.Loading;
using ImpactEval.Data;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Pages.Cites;

/// <summary>
/// Registers a new version of a protocol from an uploaded YAML file, through <see cref="ProtocolRegistry.RegisterAsync"/>
/// (the same checks and audit as <c>impacteval protocol register</c>): every problem placed at its line and column, nothing
/// registered while one remains. The file must be about this protocol of this cité.
/// </summary>
[Authorize(Policy = WebPolicies.ManageProtocols)]
public sealed class VersionModel(ImpactEvalDbContext db) : AppPageModel
{
    /// <summary>The file's problems.</summary>
    public IReadOnlyList<ProtocolProblem> Problems { get; private set; } = [];

    /// <summary>The file's name.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The outcome, in French.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether a version was registered (or the file was unchanged).</summary>
    public bool Succeeded { get; private set; }

    /// <summary>The evaluability verdict of the uploaded protocol when it is valid (stored with the version it registers).</summary>
    public EvaluabilityVerdict? Verdict { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the file and registers it.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? fichier)
    {
        if (fichier is null || fichier.Length == 0)
        {
            Errors.Add("fichier", "Choisissez le fichier YAML du protocole.");
            return Page();
        }
        FileName = Path.GetFileName(fichier.FileName);
        string text;
        using (var reader = new StreamReader(fichier.OpenReadStream(), Encoding.UTF8)) text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        var loaded = ProtocolLoader.Load(text, FileName);
        Problems = loaded.Problems;
        if (loaded.Protocol is not { } protocol)
        {
            Errors.Add("fichier", $"Le fichier {FileName} contient {loaded.Errors.Count()} erreur(s) : rien n’a été enregistré (détail dans le tableau).");
            return Page();
        }
        if (protocol.Id != Cite.ProtocolCode || protocol.TerritoryCode != Cite.TerritoryCode)
        {
            Errors.Add("fichier", $"Ce fichier décrit le protocole « {protocol.Id} » de la cité {protocol.TerritoryCode}, pas « {Cite.ProtocolCode} » de {Cite.TerritoryCode} : rien n’a été enregistré.");
            return Page();
        }
        Verdict = EvaluabilityAssessment.Assess(protocol);
        var outcome = await new ProtocolRegistry(db).RegisterAsync(loaded, FileName, Scope.Actor, EvaluabilityAssessment.Json, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case RegistrationStatus.NewVersion or RegistrationStatus.Created:
                Succeeded = true;
                Message = $"Version {outcome.Version} du protocole {outcome.ProtocolCode} enregistrée.";
                break;
            case RegistrationStatus.Unchanged:
                Succeeded = true;
                Message = $"Le fichier est identique à la version {outcome.Version} : rien n’a changé.";
                break;
            default:
                Problems = outcome.Problems;
                foreach (var refusal in outcome.Refusals) Errors.Add("fichier", refusal);
                if (!Errors.Any) Errors.Add("fichier", "Le protocole n’a pas été enregistré.");
                break;
        }
        return Page();
    }
}
