using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Import;

/// <summary>
/// Matches the headers of an imported file to what the protocol knows: fixed columns (identifiant, groupe,
/// école, vague, dates…) and indicator or covariate columns by code or by French label, case- and
/// accent-insensitive. Unknown, duplicate and missing columns are reported with their position.
/// </summary>
public sealed class ColumnMap
{
    private static readonly Dictionary<string, ColumnKind> FixedNames = new()
    {
        ["identifiant"] = ColumnKind.Identifier, ["id"] = ColumnKind.Identifier, ["identifiant participant"] = ColumnKind.Identifier,
        ["numero dossier"] = ColumnKind.Identifier, ["numero"] = ColumnKind.Identifier,
        ["groupe"] = ColumnKind.Group, ["cohorte"] = ColumnKind.Group,
        ["ecole"] = ColumnKind.Cluster, ["etablissement"] = ColumnKind.Cluster,
        ["date inscription"] = ColumnKind.EnrolledOn, ["date d inscription"] = ColumnKind.EnrolledOn, ["inscription"] = ColumnKind.EnrolledOn,
        ["motif"] = ColumnKind.Reason, ["motif inscription"] = ColumnKind.Reason,
        ["vague"] = ColumnKind.Wave, ["temps de mesure"] = ColumnKind.Wave,
        ["territoire"] = ColumnKind.Territory, ["cite"] = ColumnKind.Territory, ["cite educative"] = ColumnKind.Territory, ["code territoire"] = ColumnKind.Territory,
        ["periode"] = ColumnKind.Period, ["trimestre"] = ColumnKind.Period, ["annee"] = ColumnKind.Period, ["annee scolaire"] = ColumnKind.Period,
        ["date"] = ColumnKind.CollectedOn, ["date collecte"] = ColumnKind.CollectedOn, ["date de collecte"] = ColumnKind.CollectedOn, ["date de recueil"] = ColumnKind.CollectedOn,
    };

    private ColumnMap(ImmutableArray<MappedColumn> columns) => Columns = columns;

    /// <summary>The matched columns in file order.</summary>
    public ImmutableArray<MappedColumn> Columns { get; }

    /// <summary>The column of a fixed kind, or null.</summary>
    public MappedColumn? Find(ColumnKind kind) => Columns.FirstOrDefault(c => c.Kind == kind);

    /// <summary>Matches headers against the protocol.</summary>
    /// <param name="headers">Header cells.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="allowed">Column kinds this import accepts.</param>
    /// <param name="required">Column kinds this import needs.</param>
    /// <param name="fileName">File name for problems.</param>
    /// <param name="problems">Where problems go.</param>
    public static ColumnMap Match(IReadOnlyList<string> headers, Protocol protocol, IReadOnlySet<ColumnKind> allowed, IReadOnlySet<ColumnKind> required,
        string fileName, List<ImportProblem> problems)
    {
        var names = new Dictionary<string, (ColumnKind Kind, string? Code)>();
        foreach (var (name, kind) in FixedNames) if (allowed.Contains(kind)) names[name] = (kind, null);
        if (protocol.Cluster is { } cluster && allowed.Contains(ColumnKind.Cluster))
        {
            names.TryAdd(TextKey.Normalize(cluster.Code), (ColumnKind.Cluster, null));
            names.TryAdd(TextKey.Normalize(cluster.Label), (ColumnKind.Cluster, null));
        }
        if (allowed.Contains(ColumnKind.Indicator))
            foreach (var indicator in protocol.Indicators)
            {
                names[TextKey.Normalize(indicator.Code)] = (ColumnKind.Indicator, indicator.Code);
                names.TryAdd(TextKey.Normalize(indicator.Label), (ColumnKind.Indicator, indicator.Code));
            }
        if (allowed.Contains(ColumnKind.Covariate))
            foreach (var covariate in protocol.Covariates)
            {
                names[TextKey.Normalize(covariate.Code)] = (ColumnKind.Covariate, covariate.Code);
                names.TryAdd(TextKey.Normalize(covariate.Label), (ColumnKind.Covariate, covariate.Code));
            }

        var columns = ImmutableArray.CreateBuilder<MappedColumn>();
        var seen = new Dictionary<(ColumnKind, string?), int>();
        for (var i = 0; i < headers.Count && !ImportProblem.CapReached(problems, fileName, 1); i++)
        {
            var header = headers[i];
            if (header.Length == 0)
            {
                problems.Add(new ImportProblem(fileName, 1, i + 1, null, null, "Colonne sans en-tête.", "Donnez un en-tête à la colonne ou supprimez-la."));
                continue;
            }
            if (!names.TryGetValue(TextKey.Normalize(header), out var match))
            {
                var closest = TextKey.Closest(header, names.Keys.Concat(protocol.Indicators.Select(x => x.Code)).Concat(protocol.Covariates.Select(x => x.Code)));
                problems.Add(new ImportProblem(fileName, 1, i + 1, header, null, $"Colonne inconnue «\u202F{header}\u202F».",
                    closest is not null ? $"Vouliez-vous dire «\u202F{closest}\u202F»\u202F?" : $"Colonnes admises\u202F: {Describe(allowed, protocol)}."));
                continue;
            }
            if (seen.TryGetValue(match, out var first))
            {
                problems.Add(new ImportProblem(fileName, 1, i + 1, header, null, $"La colonne «\u202F{header}\u202F» désigne la même donnée que la colonne {first + 1}.", "Gardez une seule de ces colonnes."));
                continue;
            }
            seen[match] = i;
            columns.Add(new MappedColumn(i, header, match.Kind, match.Code));
        }
        foreach (var kind in required.Where(k => columns.All(c => c.Kind != k)))
            problems.Add(new ImportProblem(fileName, 1, null, null, null, $"Colonne obligatoire manquante\u202F: «\u202F{NameOf(kind, protocol)}\u202F».",
                $"Ajoutez une colonne «\u202F{NameOf(kind, protocol)}\u202F» à la ligne d’en-têtes."));
        return new ColumnMap(columns.ToImmutable());
    }

    /// <summary>Whether a header names the participant identifier column ("identifiant", "id", "numéro de dossier"…).</summary>
    public static bool IsIdentifierHeader(string header) =>
        FixedNames.TryGetValue(TextKey.Normalize(header), out var kind) && kind == ColumnKind.Identifier;

    /// <summary>The usual French header of a fixed column kind.</summary>
    public static string NameOf(ColumnKind kind, Protocol protocol) => kind switch
    {
        ColumnKind.Identifier => "identifiant",
        ColumnKind.Group => "groupe",
        ColumnKind.Cluster => protocol.Cluster?.Code ?? "ecole",
        ColumnKind.EnrolledOn => "date_inscription",
        ColumnKind.Reason => "motif",
        ColumnKind.Wave => "vague",
        ColumnKind.CollectedOn => "date_collecte",
        ColumnKind.Indicator => "code d’indicateur",
        ColumnKind.Territory => "territoire",
        ColumnKind.Period => "periode",
        _ => "code de covariable",
    };

    private static string Describe(IReadOnlySet<ColumnKind> allowed, Protocol protocol)
    {
        var names = allowed.Where(k => k is not ColumnKind.Indicator and not ColumnKind.Covariate).Select(k => NameOf(k, protocol)).ToList();
        if (allowed.Contains(ColumnKind.Indicator)) names.AddRange(protocol.Indicators.Select(i => i.Code));
        if (allowed.Contains(ColumnKind.Covariate)) names.AddRange(protocol.Covariates.Select(c => c.Code));
        return string.Join(", ", names);
    }
}
