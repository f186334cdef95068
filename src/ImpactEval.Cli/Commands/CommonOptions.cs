using System.Collections.Immutable;
using System.CommandLine;
using ImpactEval.Core.Text;
using ImpactEval.Reporting;

namespace ImpactEval.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
public static class CommonOptions
{
    /// <summary>--data: the data directory (SQLite file, pseudonymisation key), default ./data or $IMPACTEVAL_DATA.</summary>
    public static readonly Option<DirectoryInfo?> Data = new("--data")
    {
        Description = "Dossier des données (base SQLite, clé de pseudonymisation). Par défaut ./data ou $IMPACTEVAL_DATA.",
        Recursive = true,
    };

    /// <summary>--protocol: the identifier of a registered protocol.</summary>
    public static Option<string> Protocol() => new("--protocol", "-p")
    {
        Description = "Identifiant du protocole enregistré (par exemple passerelles).",
        HelpName = "ID",
        Required = true,
    };

    /// <summary>A numeric option read the French way ("0,3") or with a point ("0.3").</summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "NOMBRE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (FrenchNumber.TryParse(token, out var value)) return value;
            result.AddError($"« {token} » n'est pas un nombre (par exemple 0,3).");
            return null;
        },
    };

    /// <summary>--dry-run: validate and count, write nothing.</summary>
    public static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "Vérifie le fichier et compte ce qui changerait, sans rien écrire.",
    };

    /// <summary>--templates: the templates directory (its partials/ folder holds the shared partials).</summary>
    public static Option<DirectoryInfo?> Templates() => new("--templates")
    {
        Description = "Dossier des gabarits de rapport. Par défaut $IMPACTEVAL_TEMPLATES, sinon les gabarits installés avec ImpactEval.",
    };

    /// <summary>The report formats written when --format is not given.</summary>
    public static ImmutableArray<ReportFormat> AllFormats { get; } = [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf];

    /// <summary>--format: report formats, comma-separated or repeated ("html,xlsx,pdf"); read it with <see cref="FormatsOrAll"/>.</summary>
    public static Option<ImmutableArray<ReportFormat>> Formats() => new("--format", "-f")
    {
        HelpName = "FORMATS",
        Description = "Formats à produire, séparés par des virgules : html, xlsx, pdf, csv (un fichier CSV par tableau). Par défaut html, xlsx et pdf.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var formats = ImmutableArray.CreateBuilder<ReportFormat>();
            foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                switch (part.ToLowerInvariant())
                {
                    case "html": formats.Add(ReportFormat.Html); break;
                    case "xlsx" or "excel": formats.Add(ReportFormat.Xlsx); break;
                    case "pdf": formats.Add(ReportFormat.Pdf); break;
                    case "csv": formats.Add(ReportFormat.Csv); break;
                    default:
                        result.AddError($"« {part} » n'est pas un format de rapport : choisissez parmi html, xlsx, pdf et csv.");
                        return [];
                }
            }
            if (formats.Count == 0) result.AddError("Indiquez au moins un format : html, xlsx, pdf ou csv.");
            return [.. formats.Distinct()];
        },
    };

    /// <summary>The formats asked for, or all of them when the option is absent.</summary>
    public static ImmutableArray<ReportFormat> FormatsOrAll(ParseResult parse, Option<ImmutableArray<ReportFormat>> option) =>
        parse.GetValue(option) is { IsDefaultOrEmpty: false } formats ? formats : AllFormats;

    /// <summary>--threshold: the statistical-secrecy threshold (smallest publishable count).</summary>
    public static Option<int> Threshold()
    {
        return new Option<int>("--threshold")
        {
            Description = "Secret statistique : plus petit effectif publiable (5 par défaut ; 11 pour certaines données de santé).",
            HelpName = "N",
            DefaultValueFactory = _ => Reporting.Disclosure.DisclosureControl.DefaultThreshold,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
                    return value;
                result.AddError($"« {token} » n’est pas un seuil valide : le seuil du secret statistique est un nombre entier au moins égal à 1.");
                return 0;
            },
        };
    }
}
