using System.CommandLine;
using System.Globalization;
using ImpactEval.Collection.Territories;
using Spectre.Console;

namespace ImpactEval.Cli.Commands;

/// <summary>
/// <c>impacteval territory import|list|show</c>: the registry of cités (région → département → cité, label year, QPV,
/// REP/REP+, collège chef de file, contacts), imported from a CSV file whose columns are documented in docs/collection.md.
/// </summary>
public static class TerritoryCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command GetCommand()
    {
        var command = new Command("territory", "Registre des cités : importer le référentiel (CSV), lister par région et département, afficher une cité.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier CSV du registre : " + string.Join(";", RegistryFile.Columns.Select(c => c.Name)) + "." };
        var command = new Command("import", "Importe le registre des cités : tout le fichier ou rien ; le réimporter ne change rien ; l’import est tracé dans le journal d’audit.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] Fichier introuvable\u202F: {Markup.Escape(path.ToString())}");
                return ExitCodes.InvalidInput;
            }
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            await using var stream = path.OpenRead();
            var outcome = await new TerritoryRegistry(db).ImportAsync(stream, path.Name, CliContext.Actor, cancellationToken);
            if (!outcome.Written)
            {
                AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(path.Name)} refusé\u202F: {outcome.Problems.Length} problème(s). Rien n’a été importé.");
                foreach (var problem in outcome.Problems) AnsiConsole.MarkupLine($"  [red]-[/] {Markup.Escape(problem.ToString())}");
                return ExitCodes.InvalidInput;
            }
            AnsiConsole.MarkupLine(Markup.Escape($"✓ Registre importé\u202F: {outcome.Created} cité(s) ajoutée(s), {outcome.Updated} modifiée(s), {outcome.Unchanged} inchangée(s)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var region = new Option<string?>("--region") { Description = "Code INSEE d’une région (par exemple 84) : seulement ses cités." };
        var command = new Command("list", "Liste les cités par région puis département, avec leur année de labellisation.") { region };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var all = await new TerritoryRegistry(db).ListAsync(parse.GetValue(region), cancellationToken);
            if (all.IsEmpty)
            {
                AnsiConsole.MarkupLine(Markup.Escape("Aucune cité (impacteval territory import FICHIER.csv)."));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Région", "Département", "Code", "Cité", "Labellisation");
            foreach (var t in all)
                table.AddRow([.. new[] { t.RegionName is null ? "(non enregistrée)" : $"{t.RegionName} ({t.RegionCode})", t.DepartementName is null ? "" : $"{t.DepartementName} ({t.DepartementCode})",
                    t.Code, t.Name, t.LabelYear?.ToString(CultureInfo.InvariantCulture) ?? "" }.Select(Markup.Escape)]);
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape($"{all.Length} cité(s), {all.Where(t => t.RegionCode is not null).Select(t => t.RegionCode).Distinct().Count()} région(s), " +
                                                 $"{all.Where(t => t.DepartementCode is not null).Select(t => t.DepartementCode).Distinct().Count()} département(s)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var code = new Argument<string>("code") { Description = "Code de la cité (par exemple CE-069-01)." };
        var command = new Command("show", "Affiche la fiche d’une cité du registre.") { code };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CliContext.From(parse);
            await using var db = await context.OpenStoreAsync(cancellationToken);
            var t = await new TerritoryRegistry(db).ShowAsync(parse.GetValue(code)!, cancellationToken);
            if (t is null)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"✗ Aucune cité «\u202F{parse.GetValue(code)}\u202F»."));
                return ExitCodes.InvalidInput;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string label, string value) => grid.AddRow(Markup.Escape(label), Markup.Escape(value));
            Row("Code", t.Code);
            Row("Cité", t.Name);
            Row("Région", t.RegionName is null ? "(non enregistrée : cité connue par son code seulement)" : $"{t.RegionName} ({t.RegionCode})");
            Row("Département", t.DepartementName is null ? "" : $"{t.DepartementName} ({t.DepartementCode})");
            Row("Année de labellisation", t.LabelYear?.ToString(CultureInfo.InvariantCulture) ?? "");
            Row("Communes", string.Join(", ", t.Communes));
            Row("QPV", string.Join(", ", t.Qpv));
            Row("REP", string.Join(", ", t.Rep));
            Row("REP+", string.Join(", ", t.RepPlus));
            Row("Collège chef de file", t.CollegeChefDeFile ?? "");
            Row("Contacts", string.Join(", ", t.Contacts));
            AnsiConsole.Write(grid);
            return ExitCodes.Ok;
        });
        return command;
    }
}
