using System.Collections.Immutable;

namespace ImpactEval.Collection.Synthetic;

/// <summary>
/// Generates the synthetic PasserelleS cohort of the demo (protocols/passerelles.yaml): families in three
/// groups across 8 schools, with baseline imbalance, school-level clustering, attrition, late collection,
/// item non-response, and a known true effect of the scheme on every indicator.
/// </summary>
/// <remarks>
/// Generative model (all seeded): each family has covariates whose distribution differs by group (families
/// far from childcare more often in precarious housing and less often French-speaking at home, which also
/// lowers the ratings: a naive comparison is biased). Teacher ratings come from a latent normal variable
/// η = α + β'x + u_school + γ_group + ε cut at thresholds −1, 0, 1 into 4 levels (an ordered probit), so the
/// true effect on the 1–4 scale is computed exactly: E[Y] = 1 + Σ_j Φ(η − c_j). Attendance is a normal
/// percentage clamped to [0, 100] (exact expectation of the clamped normal); "informe des absences" is a
/// probit. True effects are ATTs over the focal families with their own covariates and schools.
/// </remarks>
public static class PasserelleSCohort
{
    /// <summary>The seed shipped with the demo.</summary>
    public const ulong DemoSeed = 20250915;

    /// <summary>The schools (cluster units) of the protocol.</summary>
    public static readonly ImmutableArray<string> Schools = ["E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08"];

    /// <summary>The four teacher-rated cooperation indicators.</summary>
    public static readonly ImmutableArray<string> Ratings = ["COOP_PROPRETE", "COOP_SEPARATION", "COOP_QUESTIONS", "CLIMAT_RELATION"];

    private static readonly double[] Cuts = [-1.0, 0.0, 1.0];

    // Latent shift of each group, per wave (T1, T2), relative to families far from childcare.
    private static readonly Dictionary<string, (double T1, double T2)> GroupShift = new()
    {
        ["ELOIGNE"] = (0, 0),
        ["EAJE"] = (0.30, 0.20),
        ["BEN"] = (0.55, 0.40),
    };

    // Indicator-specific scaling of the group shifts (the scheme acts more on separation than on the climate).
    private static readonly Dictionary<string, double> EffectScale = new()
    {
        ["COOP_PROPRETE"] = 1.0, ["COOP_SEPARATION"] = 1.2, ["COOP_QUESTIONS"] = 0.9, ["CLIMAT_RELATION"] = 0.6,
    };

    private static readonly Dictionary<string, double> Intercept = new()
    {
        ["COOP_PROPRETE"] = 0.15, ["COOP_SEPARATION"] = 0.0, ["COOP_QUESTIONS"] = -0.1, ["CLIMAT_RELATION"] = 0.35,
    };

    /// <summary>The generated cohort and its true effects.</summary>
    /// <param name="Participants">Families with their records.</param>
    /// <param name="Truths">True ATTs per indicator, wave and comparison group.</param>
    public sealed record Cohort(ImmutableArray<SyntheticParticipant> Participants, ImmutableArray<SyntheticTruth> Truths);

    private sealed record Family(string Id, string Group, int School, DateOnly EnrolledOn, double Age, bool First, bool French, bool Precarious, int Siblings)
    {
        public double LatentCovariates => 0.04 * (Age - 39) + 0.15 * (First ? 1 : 0) + 0.30 * (French ? 1 : 0) - 0.35 * (Precarious ? 1 : 0) - 0.05 * Siblings;
    }

    /// <summary>Generates the cohort.</summary>
    /// <param name="seed">Seed: the same seed gives the same cohort on every machine.</param>
    /// <param name="families">Number of families (900 in the demo); split about 1/3 per group.</param>
    public static Cohort Generate(ulong seed = DemoSeed, int families = 900)
    {
        var random = new SplitMix64(seed);
        var schoolEffect = Schools.Select(_ => 0.33 * random.Normal()).ToArray();
        var attendanceSchool = Schools.Select(_ => 2.0 * random.Normal()).ToArray();
        var list = new List<Family>(families);
        for (var i = 0; i < families; i++)
        {
            var school = random.Next(Schools.Length);
            // Schools differ in how many families PasserelleS reaches.
            var pBen = 0.22 + 0.03 * school;
            var u = random.NextDouble();
            var group = u < pBen ? "BEN" : u < pBen + 0.37 ? "EAJE" : "ELOIGNE";
            var (pFrench, pPrecarious) = group switch { "EAJE" => (0.80, 0.12), "BEN" => (0.58, 0.28), _ => (0.50, 0.35) };
            var enrolled = new DateOnly(2025, 3, 3).AddDays(random.Next(100));
            list.Add(new Family($"PS25-{i + 1:0000}", group, school, enrolled,
                Age: Math.Round(33 + 11.5 * random.NextDouble(), 1),
                First: random.Bernoulli(group == "EAJE" ? 0.45 : 0.35),
                French: random.Bernoulli(pFrench),
                Precarious: random.Bernoulli(pPrecarious),
                Siblings: Math.Min(8, random.Poisson(group == "EAJE" ? 1.0 : 1.6))));
        }

        var participants = ImmutableArray.CreateBuilder<SyntheticParticipant>(families);
        foreach (var family in list)
        {
            var baseline = ImmutableDictionary<string, double>.Empty
                .Add("AGE_MOIS", family.Age).Add("PREMIER_ENFANT", family.First ? 1 : 0).Add("FRANCAIS_MAISON", family.French ? 1 : 0)
                .Add("LOGEMENT_PRECAIRE", family.Precarious ? 1 : 0).Add("FRATRIE", family.Siblings);
            var waves = ImmutableDictionary.CreateBuilder<string, SyntheticWaveRecord>();
            // Attrition: nearly everyone is rated at entry; by the end of the year some families have moved or are lost,
            // more often those far from childcare and those in precarious housing.
            var observedT1 = random.Bernoulli(0.96);
            var lossT2 = (family.Group switch { "ELOIGNE" => 0.17, "EAJE" => 0.10, _ => 0.08 }) + (family.Precarious ? 0.06 : 0);
            var observedT2 = observedT1 && !random.Bernoulli(lossT2);
            foreach (var (wave, observed) in new[] { ("T1", observedT1), ("T2", observedT2) })
            {
                var values = ImmutableDictionary.CreateBuilder<string, double>();
                foreach (var rating in Ratings)
                {
                    var eta = Eta(family, rating, wave, family.Group, schoolEffect) + random.Normal();
                    if (observed && !random.Bernoulli(0.02)) values[rating] = 1 + Cuts.Count(c => eta > c);
                }
                var attendance = Math.Clamp(AttendanceMean(family, wave, family.Group, attendanceSchool) + 8 * random.Normal(), 0, 100);
                if (observed) values["ASSIDUITE"] = Math.Round(attendance, 1);
                if (wave == "T2")
                {
                    var inform = Eta(family, "INFORME_ABSENCES", wave, family.Group, schoolEffect) + random.Normal() > 0;
                    if (observed && !random.Bernoulli(0.03)) values["INFORME_ABSENCES"] = inform ? 1 : 0;
                }
                if (wave == "T1" && family.Group == "BEN" && observed)
                {
                    values["NB_SEANCES"] = 4 + random.Poisson(10);
                    if (random.Bernoulli(0.8)) values["SATISFACTION"] = random.NextDouble() switch { < 0.05 => 2, < 0.40 => 3, _ => 4 };
                }
                if (!observed) continue;
                var due = wave == "T1" ? new DateOnly(2025, 10, 10) : new DateOnly(2026, 6, 12);
                // Most values are collected around the due date; about one in ten arrives after the window closed.
                var delay = random.Bernoulli(0.1) ? 22 + random.Next(20) : random.Next(25) - 10;
                waves[wave] = new SyntheticWaveRecord(due.AddDays(delay), values.ToImmutable());
            }
            participants.Add(new SyntheticParticipant(family.Id, family.Group, Schools[family.School], family.EnrolledOn, baseline, waves.ToImmutable()));
        }
        return new Cohort(participants.ToImmutable(), Truths(list, schoolEffect, attendanceSchool));
    }

    private static double Shift(string indicator, string wave, string group)
    {
        var (t1, t2) = GroupShift[group];
        var scale = indicator == "INFORME_ABSENCES" ? 0.8 : EffectScale.GetValueOrDefault(indicator, 1.0);
        return scale * (wave == "T1" ? t1 : t2);
    }

    private static double Eta(Family family, string indicator, string wave, string group, double[] schoolEffect) =>
        (indicator == "INFORME_ABSENCES" ? 0.3 : Intercept[indicator]) + (wave == "T2" ? 0.25 : 0) + family.LatentCovariates
        + schoolEffect[family.School] + Shift(indicator, wave, group);

    private static double AttendanceMean(Family family, string wave, string group, double[] schoolEffect) =>
        84 + (wave == "T2" ? 2 : 0) + 8 * family.LatentCovariates + schoolEffect[family.School]
        + (group switch { "BEN" => 4.0, "EAJE" => 2.5, _ => 0 }) * (wave == "T1" ? 1 : 0.8);

    private static ImmutableArray<SyntheticTruth> Truths(List<Family> families, double[] schoolEffect, double[] attendanceSchool)
    {
        var focal = families.Where(f => f.Group == "BEN").ToList();
        var truths = ImmutableArray.CreateBuilder<SyntheticTruth>();
        foreach (var comparison in new[] { "EAJE", "ELOIGNE" })
        foreach (var wave in new[] { "T1", "T2" })
        {
            foreach (var rating in Ratings)
                truths.Add(new SyntheticTruth(rating, wave, comparison, focal.Average(f =>
                    ExpectedLevel(Eta(f, rating, wave, "BEN", schoolEffect)) - ExpectedLevel(Eta(f, rating, wave, comparison, schoolEffect)))));
            truths.Add(new SyntheticTruth("ASSIDUITE", wave, comparison, focal.Average(f =>
                ClampedNormalMean(AttendanceMean(f, wave, "BEN", attendanceSchool), 8) - ClampedNormalMean(AttendanceMean(f, wave, comparison, attendanceSchool), 8))));
            if (wave == "T2")
                truths.Add(new SyntheticTruth("INFORME_ABSENCES", wave, comparison, focal.Average(f =>
                    Phi(Eta(f, "INFORME_ABSENCES", wave, "BEN", schoolEffect)) - Phi(Eta(f, "INFORME_ABSENCES", wave, comparison, schoolEffect)))));
        }
        return truths.ToImmutable();
    }

    private static double ExpectedLevel(double eta) => 1 + Cuts.Sum(c => Phi(eta - c));

    /// <summary>E[min(max(X, 0), 100)] for X ~ N(mean, sd²).</summary>
    private static double ClampedNormalMean(double mean, double sd)
    {
        double a = (0 - mean) / sd, b = (100 - mean) / sd;
        var inside = mean * (Phi(b) - Phi(a)) + sd * (Density(a) - Density(b));
        return inside + 100 * (1 - Phi(b));
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard normal CDF through erfc (W. J. Cody's rational approximations via Numerical Recipes' erfc, relative error below 1.2e-7).</summary>
    internal static double Phi(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
