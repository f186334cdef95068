using System.Collections.Immutable;
using ImpactEval.Analysis.Results;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting;

/// <summary>
/// Builds the <see cref="ReportModel"/> of a protocol's results: pure and deterministic (the same inputs give an
/// equal model). Statistical disclosure control happens here, once, before anything is formatted: every count the
/// report publishes is registered in a <see cref="CountLedger"/> with the relations between counts,
/// <see cref="DisclosureControl.Protect"/> decides what to hide, and every section — table, chart, sentence — is
/// built from that decision, so that HTML, workbook and PDF are protected by construction.
/// </summary>
/// <remarks>
/// Each section has one method here (in the partial files ReportModelBuilder.*.cs) that registers its counts and
/// one that builds its record; a section whose results are absent is null and templates skip it.
/// </remarks>
public static partial class ReportModelBuilder
{
    /// <summary>Builds the report model.</summary>
    /// <param name="protocol">The protocol the results come from.</param>
    /// <param name="results">The analysis results.</param>
    /// <param name="generation">Generation metadata (timestamp, versions, fingerprint).</param>
    /// <param name="options">Disclosure threshold and territory facts; defaults when null.</param>
    /// <exception cref="ArgumentException">The results belong to another protocol.</exception>
    public static ReportModel Build(Protocol protocol, AnalysisResults results, ReportGeneration generation, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        if (results.ProtocolId != protocol.Id)
            throw new ArgumentException($"Results of protocol '{results.ProtocolId}' cannot be reported with protocol '{protocol.Id}'.", nameof(results));
        var context = new BuildContext(protocol, results, options);

        var plan = Disclose(context).Plan;

        var flow = BuildFlow(context);
        var descriptives = BuildDescriptives(context);
        var balance = BuildBalance(context);
        var attrition = BuildAttrition(context);
        var analyses = BuildAnalyses(context);
        var power = BuildPower(context);
        var quality = BuildDataQuality(context, descriptives, analyses);
        var evidence = BuildEvidence(context, balance, attrition);
        var limitations = BuildLimitations(context);

        var disclosure = new DisclosureNotice(
            plan.Any || context.WithheldEstimates > 0,
            plan.Threshold,
            plan.Any || context.WithheldEstimates > 0
                ? $"Les effectifs inférieurs à {plan.Threshold} ne sont pas publiés ; d'autres valeurs ont été masquées pour qu'ils ne puissent pas être retrouvés par différence, et les estimations portant sur des groupes trop petits ne sont pas présentées. Les valeurs masquées sont notées « {French.Suppressed} »."
                : $"Aucun effectif publié n'est inférieur à {plan.Threshold} ; aucune valeur n'a eu besoin d'être masquée.",
            French.Suppressed);

        var tables = new List<ReportTable> { flow.Table };
        if (balance is not null) tables.AddRange(balance.Samples.Select(s => s.Table));
        if (attrition is not null) tables.Add(attrition.Table);
        tables.Add(descriptives.Table);
        if (descriptives.LevelsTable is not null) tables.Add(descriptives.LevelsTable);
        foreach (var analysis in analyses)
        {
            if (!analysis.Contrasts.IsEmpty) tables.Add(analysis.Table);
            if (analysis.ChangeTable is { } changes) tables.Add(changes);
            if (analysis.Weighting is { } w) tables.AddRange([w.Table, w.OverlapTable]);
        }
        if (power is not null) tables.Add(power.Table);
        tables.Add(quality.MissingTable);
        if (quality.LateTable is not null) tables.Add(quality.LateTable);
        var fullResults = BuildFullResults(context, analyses);
        if (!fullResults.IsEmpty) tables.Add(fullResults);

        var gen = new GenerationInfo(
            generation.GeneratedAt,
            French.DateTime(generation.GeneratedAt),
            French.Date(generation.GeneratedAt),
            generation.ImpactEvalVersion,
            generation.ProtocolVersion,
            generation.DataFingerprint,
            generation.DataFingerprint.Length > 12 ? generation.DataFingerprint[..12] : generation.DataFingerprint,
            results.Participants,
            French.Count(results.Participants))
        {
            SyntheticData = generation.SyntheticData,
        };

        return new ReportModel(
            $"Rapport d'évaluation — {protocol.Title}",
            gen,
            BuildProtocol(context),
            BuildTerritory(context),
            flow,
            descriptives,
            balance,
            attrition,
            analyses,
            power,
            evidence,
            limitations,
            quality,
            disclosure,
            [.. tables])
        {
            FullResults = fullResults.IsEmpty ? null : fullResults,
            AnalysesTitle = protocol.Groups.Any(g => g.Role == GroupRole.Comparison) ? "Comparaisons entre groupes" : "Évolutions observées",
            Copil = BuildCopil(context, analyses, evidence, limitations),
        };
    }

    /// <summary>Lookups shared by the section builders, and the disclosure decision once made.</summary>
    private sealed class BuildContext
    {
        public BuildContext(Protocol protocol, AnalysisResults results, ReportOptions options)
        {
            Protocol = protocol;
            Results = results;
            Options = options;
            for (var i = 0; i < protocol.Groups.Length; i++) groupStyle[protocol.Groups[i].Code] = i;
            foreach (var d in results.Descriptives)
                foreach (var g in d.Groups)
                    descriptives[(d.Indicator, d.Wave, g.Group)] = g;
        }

        private readonly Dictionary<string, int> groupStyle = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string, string), GroupDescriptives> descriptives = [];

        public Protocol Protocol { get; }
        public AnalysisResults Results { get; }
        public ReportOptions Options { get; }
        public SuppressionPlan Plan { get; set; } = SuppressionPlan.None;

        /// <summary>Ledger key of the number of participants of each (balance sample, group).</summary>
        public Dictionary<(string Sample, string Group), string> BalanceKeys { get; } = [];

        /// <summary>Ledger keys of the participants with and without a yes/no characteristic, per (balance sample, group, covariate).</summary>
        public Dictionary<(string Sample, string Group, string Covariate), (string Yes, string No)> BalanceShareKeys { get; } = [];

        /// <summary>Ledger keys of the counts of each attrition contrast (enrolled and observed, focal then comparison).</summary>
        public Dictionary<string, (string EnrolledFocal, string ObservedFocal, string EnrolledComparison, string ObservedComparison)> AttritionKeys { get; } = new(StringComparer.Ordinal);

        /// <summary>Ledger keys of the weighting diagnostics' counts.</summary>
        public Dictionary<string, string> WeightingKeys { get; } = new(StringComparer.Ordinal);

        /// <summary>WWC bands of the published balance rows on the analytic samples (the enrolled when no wave is analysed).</summary>
        public List<(string Covariate, Statistics.WwcEquivalenceBand? Band)> AnalyticBands { get; set; } = [];

        /// <summary>Groups of a labelled or numeric indicator at a wave whose values are all the same in a small group (dominance).</summary>
        public HashSet<(string Indicator, string Wave, string Group)> Dominated { get; } = [];

        /// <summary>The (analytic sample, group, characteristic) whose yes/no counts may be registered (see <see cref="Disclose"/>).</summary>
        public HashSet<(string Sample, string Group, string Covariate)> AnalyticShares { get; private set; } = [];

        /// <summary>Forgets what a registration pass recorded, before another one.</summary>
        public void ResetRegistration(HashSet<(string Sample, string Group, string Covariate)> analyticShares)
        {
            AnalyticShares = analyticShares;
            BalanceKeys.Clear();
            BalanceShareKeys.Clear();
            AttritionKeys.Clear();
            WeightingKeys.Clear();
            Dominated.Clear();
        }

        /// <summary>Groups whose level counts are withheld so that their mean (and SD) can be published.</summary>
        public Dictionary<(string Indicator, string Wave, string Group), SummaryRelease> Released { get; } = [];

        /// <summary>Estimates withheld because of small groups (for the disclosure notice).</summary>
        public int WithheldEstimates { get; set; }

        private readonly Workbook.SheetNames sheetNames = new();

        public int Style(string group) => groupStyle.TryGetValue(group, out var i) ? i : groupStyle.Count;

        public string GroupLabel(string code) => Protocol.FindGroup(code)?.Label ?? code;

        public string WaveLabel(string code) => Protocol.FindWave(code) is { } w ? $"{w.Code} — {w.Label}" : code;

        public string ShortWaveLabel(string code) => Protocol.FindWave(code)?.Label ?? code;

        /// <summary>A table cell naming a group: its label (the workbook's), shown in HTML tables as its protocol code.</summary>
        public TableCell GroupCell(string code) => Cells.Coded(GroupLabel(code), code, GroupLabel(code));

        /// <summary>A table cell naming a wave by its code ("T1"), its label spelt out under HTML tables.</summary>
        public TableCell WaveCodeCell(string code) => Cells.Coded(code, code, ShortWaveLabel(code));

        /// <summary>A table cell naming a wave in full ("T1 — Entrée en petite section"; the workbook's), shown in HTML tables as its code.</summary>
        public TableCell WaveCell(string code) => Cells.Coded(WaveLabel(code), code, ShortWaveLabel(code));

        /// <summary>A covariate's label; for the baseline value of an outcome ("COOP@T1"), the indicator's label and its wave.</summary>
        public string CovariateLabel(string code)
        {
            if (Protocol.FindCovariate(code) is { } covariate) return covariate.Label;
            var at = code.IndexOf('@');
            return at > 0 && Protocol.FindIndicator(code[..at]) is { } indicator ? $"{indicator.Label} ({code[(at + 1)..]})" : code;
        }

        public GroupDescriptives? Descriptives(string indicator, string wave, string group) =>
            descriptives.GetValueOrDefault((indicator, wave, group));

        public GroupFlow? Flow(string group) => Results.Flow.Groups.FirstOrDefault(g => g.Group == group);

        /// <summary>A unique, valid workbook sheet name (see <see cref="Workbook.SheetNames"/>).</summary>
        public string Sheet(string name) => sheetNames.Unique(name);

        /// <summary>
        /// What of the summary of a group at a wave may be shown (<see cref="SummaryPublication"/>): nothing below the
        /// threshold or under dominance; for a labelled indicator with hidden level counts, only what
        /// <see cref="Disclose"/> released (mean and SD add relations to the level counts).
        /// </summary>
        public SummaryPublication Publication(Indicator indicator, string wave, string group)
        {
            var d = Descriptives(indicator.Code, wave, group);
            if (d is null || d.Summary is null || !Plan.AllowsEstimateOn(d.N) || Dominated.Contains((indicator.Code, wave, group))) return SummaryPublication.None;
            var nHidden = Plan.IsHidden(Keys.DescN(indicator.Code, wave, group));
            if (d.Levels is { } levels && (nHidden || levels.Levels.Any(l => Plan.IsHidden(Keys.DescLevel(indicator.Code, wave, group, l.Level.Code)))))
                return Released.GetValueOrDefault((indicator.Code, wave, group)) switch
                {
                    SummaryRelease.Full => new(true, true, !nHidden, false),
                    SummaryRelease.MeanOnly => new(true, false, false, false),
                    _ => SummaryPublication.None,
                };
            // The interval's half-width is t(n − 1)·SD/√n: with n hidden, the SD is withheld.
            return new(true, true, !nHidden, true);
        }

        /// <summary>Whether the mean of a group at a wave may be shown.</summary>
        public bool SummaryShown(Indicator indicator, string wave, string group) => Publication(indicator, wave, group).Mean;
    }

    /// <summary>Why a group's summary may be published beside hidden level counts.</summary>
    private enum SummaryRelease { None, MeanOnly, Full }

    /// <summary>What of a group's summary is published.</summary>
    /// <param name="Mean">The mean (share of "oui" for a yes/no indicator).</param>
    /// <param name="Interval">Its confidence interval.</param>
    /// <param name="Spread">The standard deviation.</param>
    /// <param name="Quantiles">Median and quartiles.</param>
    private sealed record SummaryPublication(bool Mean, bool Interval, bool Spread, bool Quantiles)
    {
        public static SummaryPublication None { get; } = new(false, false, false, false);
    }

    /// <summary>Keys of the counts registered in the ledger.</summary>
    private static class Keys
    {
        public static string Enrolled(string g) => $"flux/{g}/inscrits";
        public static string Withdrawn(string g) => $"flux/{g}/sortis";
        public static string Observed(string g, string w) => $"flux/{g}/{w}/observes";
        public static string Lost(string g, string w) => $"flux/{g}/{w}/perdus";
        public static string Late(string g, string w) => $"flux/{g}/{w}/tardifs";
        public const string Total = "ensemble";
        public static string DescN(string i, string w, string g) => $"desc/{i}/{w}/{g}/n";
        public static string DescMissing(string i, string w, string g) => $"desc/{i}/{w}/{g}/manquants";
        public static string DescLevel(string i, string w, string g, double level) => $"desc/{i}/{w}/{g}/niveau/{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Registers a count that may be the same number as an already registered one (then it is the same cell: both
    /// places hide it together), or a new cell under <paramref name="ownKey"/>.
    /// </summary>
    private static string SameOrOwn(CountLedger ledger, string sameKey, string ownKey, int value) =>
        ledger.Contains(sameKey) && ledger.ValueOf(sameKey) == value ? sameKey : ledger.Add(ownKey, value);

    private static string Quote(string text) => "«" + French.Space + text + French.Space + "»";

    /// <summary>
    /// Shortened headers of the dense tables (balance, attrition, contrasts: nine to twelve columns), so that they fit the
    /// width of an A4 page; the workbook keeps the full headers and the HTML spells these out under the table.
    /// </summary>
    private static class Short
    {
        public static readonly TableColumn Comparison = Of("Groupe de comparaison", CellKind.Text, "Comparé\u00A0à", "groupe de comparaison");
        public static readonly TableColumn Wave = Of("Temps de mesure", CellKind.Text, "Temps", "temps de mesure");
        public static readonly TableColumn FocalN = Of("n bénéficiaires", CellKind.Count, "n bén.", "effectif du groupe bénéficiaire");
        public static readonly TableColumn ComparisonN = Of("n comparaison", CellKind.Count, "n comp.", "effectif du groupe de comparaison");
        public static readonly TableColumn FocalMean = Of("Moyenne bénéficiaires", CellKind.Number, "Moy. bén.", "moyenne (ou part) du groupe bénéficiaire");
        public static readonly TableColumn ComparisonMean = Of("Moyenne comparaison", CellKind.Number, "Moy. comp.", "moyenne (ou part) du groupe de comparaison");

        public static TableColumn Of(string header, CellKind kind, string shortHeader, string meaning) => new(header, kind, new(shortHeader, meaning));
    }
}
