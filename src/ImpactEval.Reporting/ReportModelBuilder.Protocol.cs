using System.Collections.Immutable;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

public static partial class ReportModelBuilder
{
    private static ProtocolSection BuildProtocol(BuildContext context)
    {
        var p = context.Protocol;
        IndicatorView View(Indicator i) => new(
            i.Code, i.Label, Vocabulary.Level(i.Level), Vocabulary.Type(i.Scale.Type), Vocabulary.Scale(i.Scale), i.Scale.Unit,
            Vocabulary.Direction(i.Direction), i.Source, i.Respondent, string.Join(", ", i.WaveCodes));
        var indicators = p.Indicators.ToDictionary(i => i.Code, View);
        var questions = p.Questions.Select(q => new QuestionView(q.Code, q.Text,
            [.. q.Criteria.Select(c => new CriterionView(c.Code, c.Text,
                [.. c.IndicatorCodes.Where(indicators.ContainsKey).Select(code => indicators[code])]))])).ToImmutableArray();
        var groups = p.Groups.Select(g => new GroupView(g.Code, g.Label,
            g.Role == GroupRole.Focal ? "groupe bénéficiaire (focal)" : "groupe de comparaison",
            g.Role == GroupRole.Focal, g.Membership, Svg.StyleText(context.Style(g.Code)))).ToImmutableArray();
        var waves = p.Waves.OrderBy(w => w.Order).Select(w => new WaveView(w.Code, w.Label, w.Order, Schedule(w.Schedule))).ToImmutableArray();
        var covariates = p.Covariates.Select(c => new CovariateView(c.Code, c.Label, Vocabulary.Type(c.Scale.Type), Vocabulary.Scale(c.Scale))).ToImmutableArray();
        var cluster = p.Cluster is { } cl ? new ClusterView(cl.Label, cl.Units.Length, [.. cl.Units.Select(u => u.Label)]) : null;
        var age = (p.Public.MinimumAge, p.Public.MaximumAge) switch
        {
            ({ } a, { } b) => $"de {French.Number(a, a % 1 == 0 ? 0 : 1)} à {French.Number(b, b % 1 == 0 ? 0 : 1)} ans",
            ({ } a, null) => $"à partir de {French.Number(a, 0)} ans",
            (null, { } b) => $"jusqu'à {French.Number(b, 0)} ans",
            _ => "âge non précisé",
        };
        return new ProtocolSection(
            p.Id, p.Title, p.VersionLabel, p.Authors,
            p.Dates.Written is { } w0 ? French.Date(w0) : null,
            p.Dates.Start is { } s0 ? French.Date(s0) : null,
            p.Dates.End is { } e0 ? French.Date(e0) : null,
            p.Objectives,
            new PublicView(age, Vocabulary.Gender(p.Public.Gender), Vocabulary.Setting(p.Public.Setting), p.Public.Description),
            p.ExpectedLeverage,
            questions,
            [.. p.Indicators.Select(i => indicators[i.Code])],
            groups, waves, covariates, cluster,
            DesignText(p),
            IsRandomised: false);
    }

    private static string DesignText(Protocol p)
    {
        var comparisons = p.Groups.Where(g => g.Role == GroupRole.Comparison).ToList();
        var waves = p.Waves.Length;
        var focal = p.Groups.FirstOrDefault(g => g.Role == GroupRole.Focal);
        if (focal is null) return "Aucun groupe n'est désigné comme bénéficiaire.";
        var follow = $"suivis sur {waves} temps de mesure";
        if (comparisons.Count == 0)
            return $"Un seul groupe, {Quote(focal.Label)}, {follow}, sans groupe de comparaison : l'évaluation décrit l'évolution des bénéficiaires mais ne peut pas estimer ce qui se serait passé sans l'action.";
        return $"Le groupe {Quote(focal.Label)} est comparé à {(comparisons.Count == 1 ? "un groupe" : $"{comparisons.Count} groupes")} de comparaison ({string.Join(" ; ", comparisons.Select(c => Quote(c.Label)))}), {follow}. " +
               "Les groupes n'ont pas été constitués par tirage au sort (plan quasi expérimental) : les familles de chaque groupe peuvent différer au départ, ce que l'équilibre des caractéristiques initiales et l'ajustement sur les covariables cherchent à mesurer et à corriger, sans jamais pouvoir l'exclure tout à fait.";
    }

    private static string Schedule(WaveSchedule s)
    {
        var window = s.DaysBefore == 0 && s.DaysAfter == 0 ? "" :
            $" (collecte de {French.Counted(s.DaysBefore, "jour", "jours")} avant à {French.Counted(s.DaysAfter, "jour", "jours")} après)";
        if (s.FixedDate is { } date) return $"le {French.Date(date)}{window}";
        var offset = s.OffsetDays ?? 0;
        return (offset == 0 ? "à l'inscription" : $"{French.Counted(offset, "jour", "jours")} après l'inscription") + window;
    }

    private static TerritorySection BuildTerritory(BuildContext context)
    {
        var p = context.Protocol;
        var facts = context.Options.Territory?.Facts.Select(f => new FactView(f.Label, f.Value)).ToImmutableArray() ?? [];
        return new TerritorySection(p.TerritoryCode, p.TerritoryName ?? p.TerritoryCode, facts);
    }
}
