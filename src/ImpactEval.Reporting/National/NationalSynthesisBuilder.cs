using System.Collections.Immutable;
using System.Globalization;
using ImpactEval.Analysis.National;
using ImpactEval.Analysis.Results;
using ImpactEval.Reporting.Charts;
using ImpactEval.Reporting.Disclosure;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Inputs;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.National;

/// <summary>
/// Builds the <see cref="NationalSynthesisModel"/> of a campaign: shares computed from the counts (never typed by
/// hand), numerator, denominator and non-response for every figure, consistency checks
/// (<see cref="NationalConsistency.Check"/>), numeric summaries for counts and continuous values, and the same
/// statistical disclosure control as the cohort reports (answer counts below the threshold hidden, with their
/// complements). Pure.
/// </summary>
public static class NationalSynthesisBuilder
{
    /// <summary>Builds the model.</summary>
    /// <param name="results">The consolidated campaign.</param>
    /// <param name="generatedAt">Generation timestamp.</param>
    /// <param name="suppressionThreshold">Smallest publishable count (default 5).</param>
    public static NationalSynthesisModel Build(NationalCampaignResults results, DateTimeOffset generatedAt, int suppressionThreshold = DisclosureControl.DefaultThreshold)
    {
        var checks = NationalConsistency.Check(results);
        var ledger = new CountLedger();
        foreach (var q in results.Questions)
        {
            var respondents = q.Respondents;
            if (q.NonResponse < 0 || respondents < 0) continue;
            var eligible = ledger.Add($"{q.Code}/interrogees", q.Eligible, isTotal: true);
            var answered = ledger.Add($"{q.Code}/repondantes", respondents, isKeyFigure: true);
            var missing = ledger.Add($"{q.Code}/non-reponses", q.NonResponse);
            ledger.Sum(eligible, [answered, missing]);
            var keys = q.Answers.Select((a, i) => ledger.Add(AnswerKey(q, i), a.Count)).ToList();
            if (!q.MultipleChoice && q.Numeric is null && q.Answers.Sum(a => a.Count) == respondents) ledger.Sum(answered, keys);
        }
        var plan = DisclosureControl.Protect(ledger, suppressionThreshold);

        var views = new List<NationalQuestionView>();
        var tables = new List<ReportTable>();
        var sheetNames = new Workbook.SheetNames();
        foreach (var q in results.Questions)
        {
            var respondents = Math.Max(0, q.Respondents);
            string C(string key, int value) => plan.IsHidden(key) ? French.Suppressed : French.Count(value);
            var respondentsHidden = plan.IsHidden($"{q.Code}/repondantes");
            var answers = new List<AnswerView>();
            var rows = new List<TableRow>();
            var shares = new List<double>();
            var complete = true;
            for (var i = 0; i < q.Answers.Length; i++)
            {
                var a = q.Answers[i];
                var key = AnswerKey(q, i);
                var share = respondents > 0 ? (double)a.Count / respondents : double.NaN;
                var shown = !plan.IsHidden(key) && !respondentsHidden && respondents > 0;
                complete &= shown;
                shares.Add(share);
                answers.Add(new AnswerView(a.Label, C(key, a.Count), C($"{q.Code}/repondantes", respondents), shown ? French.Percent(share) : French.Suppressed));
                rows.Add(new TableRow([Cells.Text(a.Label), Cells.Count(plan, key, a.Count), Cells.Count(plan, $"{q.Code}/repondantes", respondents), Cells.Percent(share, 1, shown)]));
            }
            NumericSummaryView? numeric = null;
            ImmutableArray<TableColumn> columns;
            string note;
            if (q.Numeric is { } summary)
            {
                var shown = !respondentsHidden; // with no respondent the statistics are NaN, shown "n.d."
                var decimals = summary.WholeNumbers ? 0 : 1;
                string V(double value, int places) => shown ? French.Number(value, places) : French.Suppressed;
                numeric = new NumericSummaryView(C($"{q.Code}/repondantes", respondents), V(summary.Sum, decimals), V(summary.Mean, 1), V(summary.Median, 1),
                    V(summary.Minimum, decimals), V(summary.Maximum, decimals), summary.Unit ?? "");
                foreach (var (label, value, places) in new[] { ("Somme", summary.Sum, decimals), ("Moyenne", summary.Mean, 1), ("Médiane", summary.Median, 1), ("Minimum", summary.Minimum, decimals), ("Maximum", summary.Maximum, decimals) })
                    rows.Add(new TableRow([Cells.Text(label), Cells.Number(value, places, shown), Cells.Count(plan, $"{q.Code}/repondantes", respondents)]));
                columns = [new("Statistique", CellKind.Text), new("Valeur" + (summary.Unit is { Length: > 0 } unit ? $" ({unit})" : ""), CellKind.Number), new("Cités répondantes", CellKind.Count)];
                note = "Valeurs déclarées par les cités répondantes : somme, moyenne, médiane, minimum et maximum. La non-réponse est rapportée aux cités interrogées.";
                rows.Add(new TableRow([Cells.Text("Non-réponse (cités non répondantes / interrogées)"), Cells.Count(plan, $"{q.Code}/non-reponses", q.NonResponse),
                    Cells.Count(plan, $"{q.Code}/interrogees", q.Eligible)], IsTotal: true));
            }
            else
            {
                columns = [new("Réponse", CellKind.Text), new("Numérateur (cités)", CellKind.Count), new("Dénominateur (répondantes)", CellKind.Count), new("Part", CellKind.Percent)];
                note = q.MultipleChoice ? "Choix multiples : une cité peut donner plusieurs réponses, les parts ne s'additionnent pas." : "Choix unique : les parts s'additionnent à 100 % des répondantes.";
                rows.Add(new TableRow([Cells.Text("Non-réponse (cités interrogées)"), Cells.Count(plan, $"{q.Code}/non-reponses", q.NonResponse),
                    Cells.Count(plan, $"{q.Code}/interrogees", q.Eligible),
                    Cells.Percent(q.Eligible > 0 ? (double)q.NonResponse / q.Eligible : double.NaN, 1, !plan.IsHidden($"{q.Code}/non-reponses") && !plan.IsHidden($"{q.Code}/interrogees"))], IsTotal: true));
            }
            var sheet = sheetNames.Unique($"{q.Code} {q.Theme}");
            var table = new ReportTable("question-" + Slug(q.Code), $"{q.Code} — {q.Text}", sheet, note, columns, [.. rows], InWorkbook: true);
            tables.Add(table);
            Chart? chart = null;
            if (!q.MultipleChoice && q.Answers.Length > 0)
            {
                var id = "graphique-" + Slug(q.Code);
                var title = $"{q.Code} — répartition des réponses";
                var description = $"Part des cités répondantes ayant donné chaque réponse à la question « {q.Text} ».";
                chart = new Chart(id, title, description,
                    StackedBars.Render(id, title, description, [.. q.Answers.Select(a => a.Label)], [new StackedBars.Bar("Cités répondantes", complete ? shares : null)]),
                    table with { Id = id + "-donnees", InWorkbook = false });
            }
            views.Add(new NationalQuestionView(q.Code, q.Theme, q.Text,
                q.Numeric is not null ? "réponse numérique" : q.MultipleChoice ? "choix multiples (les parts ne s'additionnent pas)" : "choix unique",
                C($"{q.Code}/interrogees", q.Eligible), C($"{q.Code}/repondantes", respondents), C($"{q.Code}/non-reponses", q.NonResponse),
                plan.IsHidden($"{q.Code}/non-reponses") || q.Eligible == 0 ? French.Suppressed : French.Percent((double)q.NonResponse / q.Eligible),
                [.. answers], table, chart) { Numeric = numeric });
        }

        var territories = results.Territories.OrderBy(t => t.Region ?? "", StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => new TerritoryRowView(
            t.Code, t.Name, t.Region ?? "", t.LabelYear?.ToString(CultureInfo.InvariantCulture) ?? "", t.Responded ? "oui" : "non",
            t.SubmittedOn is { } d ? French.Date(d) : "")).ToImmutableArray();
        tables.Add(new ReportTable("participation", "Participation des cités à la campagne", sheetNames.Unique("Participation"),
            "Réponse ou non de chaque cité interrogée, et date de sa dernière réponse ; les réponses de chaque cité ne sont pas publiées.",
            [new("Code", CellKind.Text), new("Cité", CellKind.Text), new("Région", CellKind.Text), new("Année de labellisation", CellKind.Text), new("A répondu", CellKind.Text), new("Date de réponse", CellKind.Text)],
            [.. territories.Select(t => new TableRow([Cells.Text(t.Code), Cells.Text(t.Name), Cells.Text(t.Region), Cells.Text(t.LabelYear), Cells.Text(t.Responded), Cells.Text(t.SubmittedOn)]))],
            InWorkbook: true));

        var (pooled, overview, notPooled) = PoolLocalEvaluations(results.LocalEvaluations, suppressionThreshold);
        if (overview is not null) tables.Add(overview with { SheetName = sheetNames.Unique(overview.SheetName) });
        tables.AddRange(pooled.Select(section => section.Table with { SheetName = sheetNames.Unique($"Regroupement {section.Table.Id["regroupement-".Length..]}") }));

        var asked = results.Territories.Length;
        var responded = results.Territories.Count(t => t.Responded);
        var responseText = asked == 0 ? "Aucune cité n'a été interrogée."
            : $"{French.Counted(responded, "cité a", "cités ont")} répondu sur {French.Count(asked)} interrogées ({French.Percent((double)responded / asked)}).";
        var disclosure = new DisclosureNotice(plan.Any, plan.Threshold,
            plan.Any
                ? $"Secret statistique : les effectifs inférieurs à {plan.Threshold} ne sont pas publiés, ainsi que d'autres valeurs qui permettraient de les retrouver par différence ; ils sont notés « {French.Suppressed} »."
                : $"Secret statistique : aucun effectif publié n'est inférieur à {plan.Threshold}.",
            French.Suppressed);
        var countsNote = $"Les effectifs de cette synthèse sont des nombres de cités éducatives, non de personnes. Ils ne pourraient être publiés sans masquage " +
                         $"que si l'ANCT décidait qu'ils ne relèvent pas du secret statistique ; faute d'une telle décision, la règle appliquée aux personnes " +
                         $"(effectifs inférieurs à {plan.Threshold} masqués) s'applique aussi aux cités.";
        return new NationalSynthesisModel($"Synthèse nationale — {results.CampaignLabel}", results.CampaignLabel,
            new NationalGeneration(generatedAt, French.DateTime(generatedAt), ReportGeneration.CurrentVersion),
            responseText, [.. views], territories, checks, disclosure, [.. tables])
        {
            Period = results.Period ?? "",
            CountsNote = countsNote,
            LocalEvaluations = pooled,
            LocalEvaluationsOverview = overview,
            LocalEvaluationsNote = notPooled,
        };
    }

    /// <summary>
    /// Pools each contrast the cités' local evaluations share (<see cref="Pooling.Pool"/>: published estimates only, cités
    /// below the threshold excluded and counted), one section each; a contrast that cannot be pooled (fewer than two
    /// published estimates, different effect scales) is left out and named in the note with the reason. The overview
    /// table has one row per pooled contrast. The pooled cités are named with their published estimates, so their number
    /// is not a protected count.
    /// </summary>
    private static (ImmutableArray<PoolingSection> Sections, ReportTable? Overview, ImmutableArray<string> NotPooled) PoolLocalEvaluations(
        ImmutableArray<SharedContrast> shared, int threshold)
    {
        var sections = new List<PoolingSection>();
        var rows = new List<TableRow>();
        var notPooled = new List<string>();
        foreach (var contrast in shared)
        {
            PooledContrast pooled;
            try
            {
                pooled = Pooling.Pool(contrast.Analysis, contrast.Cites, threshold);
            }
            catch (Statistics.StatisticsException e)
            {
                notPooled.Add($"{contrast.Analysis} — {contrast.IndicatorLabel} (comparaison avec «\u202F{contrast.ComparisonLabel}\u202F»)\u202F: {e.Message}");
                continue;
            }
            sections.Add(PoolingSection.Build(pooled, contrast.IndicatorLabel, contrast.ComparisonLabel));
            var r = pooled.Result;
            rows.Add(new TableRow([
                Cells.Text(contrast.Analysis), Cells.Text(contrast.IndicatorLabel), Cells.Text(contrast.ComparisonLabel), Cells.Text(PoolingSection.MeasureName(pooled.Scale)),
                Cells.Text(French.Count(pooled.Included.Length)), Cells.Text(French.Count(pooled.BelowThreshold)),
                Cells.Number(r.Pooled.Value, 2), Cells.Number(r.Pooled.Interval.Lower, 2), Cells.Number(r.Pooled.Interval.Upper, 2), Cells.Percent(r.I2 / 100),
                Cells.Number(r.PredictionInterval.Lower, 2), Cells.Number(r.PredictionInterval.Upper, 2),
            ]));
        }
        var overview = rows.Count == 0 ? null : new ReportTable("regroupements", "Évaluations locales regroupées : vue d’ensemble", "Regroupements",
            "Une ligne par comparaison regroupée : effet moyen des cités (modèle à effets aléatoires, intervalle de confiance à 95 % de Knapp et Hartung), " +
            "hétérogénéité I² et intervalle de prédiction pour une nouvelle cité comparable ; les cités exclues ont un groupe sous le seuil du secret statistique.",
            [
                new("Analyse", CellKind.Text), new("Indicateur", CellKind.Text), new("Comparaison", CellKind.Text), new("Mesure", CellKind.Text),
                new("Cités regroupées", CellKind.Text), new("Cités exclues (secret)", CellKind.Text),
                new("Effet moyen", CellKind.Number), new("IC bas", CellKind.Number), new("IC haut", CellKind.Number), new("I²", CellKind.Percent),
                new("Prédiction bas", CellKind.Number), new("Prédiction haut", CellKind.Number),
            ],
            [.. rows], InWorkbook: true);
        return ([.. sections], overview, [.. notPooled]);
    }

    private static string AnswerKey(NationalQuestion q, int index) => $"{q.Code}/reponse/{index.ToString(CultureInfo.InvariantCulture)}";

    private static string Slug(string code) => new(Core.Text.TextKey.Normalize(code).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
