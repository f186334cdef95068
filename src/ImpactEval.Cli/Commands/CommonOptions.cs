using System.CommandLine;
using ImpactEval.Core.Text;

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
        Required = true,
    };

    /// <summary>A numeric option read the French way ("0,3") or with a point ("0.3").</summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
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
}
