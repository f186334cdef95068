using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Synthetic;

/// <summary>
/// Generates the answers of fictitious cités to the national demo questionnaire (protocols/revue-de-projet.yaml, ANCT's
/// yearly revue de projet): about 208 cités with fictitious codes ("CE-998-001") and names ("Cité éducative fictive
/// n° 001"), campaign non-response, late answers, item non-response, and multiple-choice questions whose unticked
/// options are sometimes written 0 and sometimes left empty, as forms do. No real place or person appears.
/// </summary>
/// <remarks>
/// Generative model (all seeded): each cité has a label year (2019, 2021 or 2022) and a latent "maturity" m ~ N(0, 1)
/// shifted up for older labels; the maturity stage cuts m at −0.6 and 0.7; cooperation-related answers (contrat de
/// ville, articulation degrees, training, number of working groups) rise with m; composition, partners and missions are
/// independent Bernoulli draws with realistic rates, some rare enough (about 2 % of cités) to be hidden by
/// statistical secrecy. About 10 % of cités never answer (more among the 2022 labels); 3 % of the answers to each
/// question are missing; 8 % of the cités answer after the closing date.
/// </remarks>
public static class RevueDeProjetCampaign
{
    /// <summary>The seed shipped with the demo.</summary>
    public const ulong DemoSeed = 20240628;

    /// <summary>Cités in the demo campaign (as many as in the 2024 edition of the revue de projet).</summary>
    public const int DemoCites = 208;

    /// <summary>The period the answers describe.</summary>
    public const string Period = "2023-2024";

    /// <summary>First day of the demo campaign.</summary>
    public static readonly DateOnly OpensOn = new(2024, 5, 2);

    /// <summary>Last day answers are on time.</summary>
    public static readonly DateOnly ClosesOn = new(2024, 6, 28);

    /// <summary>Days after closing during which late answers are accepted.</summary>
    public const int ExpiryDays = 15;

    /// <summary>The options of each multiple-choice question, as in the protocol.</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> MultipleChoices = new Dictionary<string, ImmutableArray<string>>
    {
        ["PILOTAGE"] = ["PIL_PRINCIPAL", "PIL_IEN", "PIL_COORD_REP", "PIL_DELEGUE_PREFET", "PIL_SOUS_PREFET", "PIL_DIR_EDUCATION", "PIL_CP_VILLE", "PIL_CPO", "PIL_CAF", "PIL_DEPARTEMENT"],
        ["ASSOCIATION"] = ["ASSOC_GOUVERNANCE", "ASSOC_CONSULTATION", "ASSOC_PORTAGE"],
        ["MISSIONS_GT"] = ["GT_REFLEXIF", "GT_OPERATIONNEL", "GT_EVALUATIF"],
        ["PARTENAIRES"] = ["PART_CAF", "PART_ARS", "PART_ASSOCIATIONS", "PART_MISSION_LOCALE", "PART_LYCEES", "PART_SUP", "PART_CFA", "PART_CIO"],
    }.ToImmutableDictionary();

    /// <summary>Every indicator of the questionnaire, in the protocol's order (the columns of the files).</summary>
    public static readonly ImmutableArray<string> Indicators =
    [
        .. MultipleChoices["PILOTAGE"], "MATURITE", "CONTRAT_VILLE", "ARTIC_EP", "ARTIC_CLAS", "ARTIC_PRE", "ARTIC_VEILLE",
        "FORMATION_INTERPRO", "NB_FORMATIONS", .. MultipleChoices["ASSOCIATION"], "NB_GROUPES", .. MultipleChoices["MISSIONS_GT"],
        .. MultipleChoices["PARTENAIRES"], "PRIORITE_PETITE_ENFANCE", "PRIORITE_SANTE", "CREDITS_PETITE_ENFANCE",
    ];

    /// <summary>One fictitious cité and what it sent.</summary>
    /// <param name="Code">Fictitious code ("CE-998-001").</param>
    /// <param name="Name">Fictitious name ("Cité éducative fictive n° 001").</param>
    /// <param name="LabelYear">Year of its label.</param>
    /// <param name="SubmittedOn">The day it sent its answers, or null when it did not answer the campaign.</param>
    /// <param name="Answers">Its values per indicator code (absent: not answered or left empty).</param>
    public sealed record Cite(string Code, string Name, int LabelYear, DateOnly? SubmittedOn, ImmutableDictionary<string, double> Answers)
    {
        /// <summary>Whether it sent anything.</summary>
        public bool Responded => SubmittedOn is not null && !Answers.IsEmpty;
    }

    private static readonly (string Code, double P)[] Steering =
    [
        ("PIL_PRINCIPAL", 0.92), ("PIL_IEN", 0.75), ("PIL_COORD_REP", 0.55), ("PIL_DELEGUE_PREFET", 0.85), ("PIL_SOUS_PREFET", 0.30),
        ("PIL_DIR_EDUCATION", 0.70), ("PIL_CP_VILLE", 0.60), ("PIL_CPO", 0.97), ("PIL_CAF", 0.25), ("PIL_DEPARTEMENT", 0.02),
    ];

    private static readonly (string Code, double P)[] Partners =
    [
        ("PART_CAF", 0.90), ("PART_ARS", 0.55), ("PART_ASSOCIATIONS", 0.95), ("PART_MISSION_LOCALE", 0.60), ("PART_LYCEES", 0.45),
        ("PART_SUP", 0.12), ("PART_CFA", 0.15), ("PART_CIO", 0.30),
    ];

    // Probability that a cité is not concerned (NC) by each dispositif.
    private static readonly (string Code, double NotConcerned)[] Dispositifs = [("ARTIC_EP", 0.01), ("ARTIC_CLAS", 0.10), ("ARTIC_PRE", 0.12), ("ARTIC_VEILLE", 0.25)];

    /// <summary>Generates the campaign's cités and answers.</summary>
    /// <param name="seed">Seed: the same seed gives the same answers on every machine.</param>
    /// <param name="cites">Number of cités asked (208 in the demo).</param>
    public static ImmutableArray<Cite> Generate(ulong seed = DemoSeed, int cites = DemoCites)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cites, 1);
        var random = new SplitMix64(seed);
        var result = ImmutableArray.CreateBuilder<Cite>(cites);
        var window = ClosesOn.DayNumber - OpensOn.DayNumber + 1;
        for (var i = 1; i <= cites; i++)
        {
            var u = random.NextDouble();
            var labelYear = u < 0.385 ? 2019 : u < 0.61 ? 2021 : 2022;
            var maturity = random.Normal() + (labelYear == 2019 ? 0.5 : labelYear == 2021 ? 0.2 : -0.2);
            var code = $"CE-998-{i.ToString("000", CultureInfo.InvariantCulture)}";
            var name = $"Cité éducative fictive n° {i.ToString("000", CultureInfo.InvariantCulture)}";
            if (!random.Bernoulli(labelYear == 2022 ? 0.86 : 0.92))
            {
                result.Add(new Cite(code, name, labelYear, null, ImmutableDictionary<string, double>.Empty));
                continue;
            }
            var submitted = random.Bernoulli(0.08) ? ClosesOn.AddDays(1 + random.Next(ExpiryDays)) : OpensOn.AddDays(random.Next(window));
            var answers = new Dictionary<string, double>(StringComparer.Ordinal);
            void Single(string indicator, double value)
            {
                if (!random.Bernoulli(0.03)) answers[indicator] = value;
            }
            void Multiple(IEnumerable<(string Code, bool Ticked)> options)
            {
                var list = options.ToList();
                if (random.Bernoulli(0.03)) return; // question skipped
                var zeros = random.Bernoulli(0.6); // this cité writes 0 for unticked boxes; others leave them empty
                foreach (var (option, ticked) in list)
                    if (ticked) answers[option] = 1;
                    else if (zeros) answers[option] = 0;
            }

            Multiple(Steering.Select(s => (s.Code, random.Bernoulli(s.P))));
            Single("MATURITE", maturity < -0.6 ? 1 : maturity < 0.7 ? 2 : 3);
            Single("CONTRAT_VILLE", random.Bernoulli(Logistic(0.8 + 0.5 * maturity)) ? 1 : 0);
            foreach (var (dispositif, notConcerned) in Dispositifs)
            {
                var degree = maturity + 0.8 * random.Normal();
                Single(dispositif, random.Bernoulli(notConcerned) ? 9 : degree < -0.3 ? 1 : degree < 1.3 ? 2 : 3);
            }
            var trained = random.Bernoulli(Logistic(0.5 + 0.6 * maturity));
            Single("FORMATION_INTERPRO", trained ? 1 : 0);
            Single("NB_FORMATIONS", trained ? 1 + random.Poisson(Math.Max(0.2, 2 + maturity)) : 0);
            Multiple([("ASSOC_GOUVERNANCE", random.Bernoulli(0.35)), ("ASSOC_CONSULTATION", random.Bernoulli(0.60)), ("ASSOC_PORTAGE", random.Bernoulli(0.40))]);
            var groups = Math.Min(40, random.Poisson(Math.Max(0.5, 4 + maturity)));
            Single("NB_GROUPES", groups);
            Multiple([("GT_REFLEXIF", groups > 0 && random.Bernoulli(0.70)), ("GT_OPERATIONNEL", groups > 0 && random.Bernoulli(0.90)), ("GT_EVALUATIF", groups > 0 && random.Bernoulli(0.35))]);
            Multiple(Partners.Select(p => (p.Code, random.Bernoulli(p.P))));
            var earlyYears = random.Bernoulli(0.70);
            Single("PRIORITE_PETITE_ENFANCE", earlyYears ? 1 : 0);
            Single("PRIORITE_SANTE", random.Bernoulli(0.50) ? 1 : 0);
            var credits = earlyYears ? 22 + 8 * random.Normal() : 8 + 5 * random.Normal();
            Single("CREDITS_PETITE_ENFANCE", Math.Round(Math.Clamp(credits, 0, 100), 1));
            result.Add(new Cite(code, name, labelYear, answers.Count == 0 ? null : submitted, answers.ToImmutableDictionary(StringComparer.Ordinal)));
        }
        return result.MoveToImmutable();
    }

    /// <summary>
    /// The answers as the files the cités would send, one per submission day (the day it reaches the store decides
    /// timeliness): ";"-separated, decimal comma, one row per cité, columns territoire, periode, then every indicator.
    /// </summary>
    /// <param name="cites">The generated cités.</param>
    public static IReadOnlyList<(DateOnly Day, string Csv)> Files(IEnumerable<Cite> cites) =>
        [.. cites.Where(c => c.Responded).GroupBy(c => c.SubmittedOn!.Value).OrderBy(g => g.Key).Select(g => (g.Key, Csv(g)))];

    /// <summary>One CSV file (header and one row per cité that answered).</summary>
    /// <param name="cites">The cités.</param>
    public static string Csv(IEnumerable<Cite> cites)
    {
        var text = new StringBuilder();
        text.Append("territoire;periode;").AppendJoin(';', Indicators).Append('\n');
        foreach (var cite in cites.Where(c => c.Responded))
        {
            text.Append(cite.Code).Append(';').Append(Period);
            foreach (var indicator in Indicators)
                text.Append(';').Append(cite.Answers.TryGetValue(indicator, out var v) ? v.ToString("0.###", FrenchNumber.Culture) : "");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
