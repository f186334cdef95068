using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImpactEval.Collection.Territories;

namespace ImpactEval.Collection.Synthetic;

/// <summary>
/// The registry file of the fictitious cités of <see cref="RevueDeProjetCampaign"/>: each cité placed (seeded) in one
/// of 13 régions and one of their départements, with its label year, fictitious communes, QPV, REP/REP+ and a
/// functional mailbox on the reserved domain example.org. Places are real administrative units; cités are not.
/// </summary>
public static class CiteRegistry
{
    /// <summary>Régions (INSEE code, name) and some of their départements (code, name), weighted by how many cités they hold.</summary>
    public static readonly ImmutableArray<(string Code, string Name, double Weight, ImmutableArray<(string Code, string Name)> Departements)> Regions =
    [
        ("11", "Île-de-France", 0.22, [("75", "Paris"), ("93", "Seine-Saint-Denis"), ("95", "Val-d’Oise"), ("94", "Val-de-Marne")]),
        ("32", "Hauts-de-France", 0.14, [("59", "Nord"), ("62", "Pas-de-Calais"), ("80", "Somme")]),
        ("93", "Provence-Alpes-Côte d’Azur", 0.10, [("13", "Bouches-du-Rhône"), ("06", "Alpes-Maritimes"), ("84", "Vaucluse")]),
        ("84", "Auvergne-Rhône-Alpes", 0.10, [("69", "Rhône"), ("38", "Isère"), ("42", "Loire")]),
        ("76", "Occitanie", 0.08, [("31", "Haute-Garonne"), ("34", "Hérault"), ("30", "Gard")]),
        ("44", "Grand Est", 0.08, [("67", "Bas-Rhin"), ("68", "Haut-Rhin"), ("57", "Moselle")]),
        ("75", "Nouvelle-Aquitaine", 0.06, [("33", "Gironde"), ("86", "Vienne")]),
        ("52", "Pays de la Loire", 0.05, [("44", "Loire-Atlantique"), ("49", "Maine-et-Loire")]),
        ("28", "Normandie", 0.05, [("76", "Seine-Maritime"), ("14", "Calvados")]),
        ("24", "Centre-Val de Loire", 0.04, [("45", "Loiret"), ("37", "Indre-et-Loire")]),
        ("27", "Bourgogne-Franche-Comté", 0.04, [("21", "Côte-d’Or"), ("25", "Doubs")]),
        ("53", "Bretagne", 0.02, [("35", "Ille-et-Vilaine")]),
        ("94", "Corse", 0.02, [("2A", "Corse-du-Sud")]),
    ];

    /// <summary>One cité's place.</summary>
    /// <param name="Code">The cité's code.</param>
    /// <param name="RegionCode">Its région.</param>
    /// <param name="DepartementCode">Its département.</param>
    public sealed record Place(string Code, string RegionCode, string DepartementCode);

    /// <summary>Places the cités (the same seed gives the same places).</summary>
    /// <param name="cites">The generated cités.</param>
    /// <param name="seed">Seed of the placement.</param>
    public static ImmutableArray<Place> Places(IEnumerable<RevueDeProjetCampaign.Cite> cites, ulong seed = RevueDeProjetCampaign.DemoSeed)
    {
        var random = new SplitMix64(seed ^ 0x5EED_0F_C17E);
        var total = Regions.Sum(r => r.Weight);
        return [.. cites.Select(c =>
        {
            var u = random.NextDouble() * total;
            var region = Regions[^1];
            foreach (var r in Regions)
            {
                if (u < r.Weight) { region = r; break; }
                u -= r.Weight;
            }
            var departement = region.Departements[random.Next(region.Departements.Length)];
            return new Place(c.Code, region.Code, departement.Code);
        })];
    }

    /// <summary>The registry file (the columns of <see cref="RegistryFile.Columns"/>, ";"-separated) of the cités.</summary>
    /// <param name="cites">The generated cités.</param>
    /// <param name="seed">Seed of the placement.</param>
    public static string Csv(IReadOnlyList<RevueDeProjetCampaign.Cite> cites, ulong seed = RevueDeProjetCampaign.DemoSeed)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', RegistryFile.Columns.Select(c => c.Name)).Append('\n');
        var places = Places(cites, seed);
        for (var i = 0; i < cites.Count; i++)
        {
            var (cite, place) = (cites[i], places[i]);
            var region = Regions.Single(r => r.Code == place.RegionCode);
            var departement = region.Departements.Single(d => d.Code == place.DepartementCode);
            var n = cite.Code[^3..];
            text.AppendJoin(';', [cite.Code, cite.Name, $"Commune fictive {n}", departement.Code, departement.Name, region.Code, region.Name,
                cite.LabelYear.ToString(CultureInfo.InvariantCulture), $"QPV fictif {n}-A | QPV fictif {n}-B", $"REP fictif {n}", i % 3 == 0 ? $"REP+ fictif {n}" : "",
                $"Collège fictif {n}", $"cite-{n}@example.org"]).Append('\n');
        }
        return text.ToString();
    }
}
