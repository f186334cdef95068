using ImpactEval.Analysis.Results;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ImpactEval.Reporting.Samples;

namespace ImpactEval.Reporting.Tests.Support;

/// <summary>Small hand-made protocols and results for the disclosure tests.</summary>
public static class Cohorts
{
    public static Protocol Load(string yaml)
    {
        var loaded = ProtocolLoader.Load(yaml, "test.yaml");
        return loaded.Protocol ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
    }

    /// <summary>
    /// The field's small cohort: 6 girls followed from 4e to seconde (attendance rate, and their situation at each wave on
    /// a 3-level scale), no comparison group. At T3 one girl is lost.
    /// </summary>
    public static (Protocol Protocol, AnalysisResults Results) SixGirls()
    {
        var protocol = Load("""
            id: six-filles
            title: "Suivi de six collégiennes de la 4e à la seconde"
            territory: { code: CE-000-06, name: "Cité éducative d'exemple" }
            public: { age_min: 13, age_max: 16, gender: girls, setting: both }
            indicators:
              - { code: ASSIDUITE, label: "Assiduité", level: resultat, type: continuous, unit: "%", range: { min: 0, max: 100 }, waves: [T1, T2, T3] }
              - code: SITUATION
                label: "Situation scolaire"
                level: impact
                type: ordinal
                levels: [{ value: 1, label: "Décrochage" }, { value: 2, label: "Fragile" }, { value: 3, label: "Scolarité régulière" }]
                waves: [T1, T2, T3]
            groups:
              - { code: FILLES, label: "Collégiennes suivies", role: focal }
            waves:
              - { code: T1, label: "4e", date: 2024-10-01 }
              - { code: T2, label: "3e", date: 2025-10-01 }
              - { code: T3, label: "Seconde", date: 2026-10-01 }
            """);
        var values = new Dictionary<(string, string, string), double[]>
        {
            [("ASSIDUITE", "T1", "FILLES")] = [92, 88, 75, 96, 81, 90],
            [("ASSIDUITE", "T2", "FILLES")] = [94, 85, 80, 97, 79, 91],
            [("ASSIDUITE", "T3", "FILLES")] = [95, 90, 83, 98, double.NaN, 93],
            [("SITUATION", "T1", "FILLES")] = [3, 2, 1, 3, 2, 3],
            [("SITUATION", "T2", "FILLES")] = [3, 3, 2, 3, 2, 3],
            [("SITUATION", "T3", "FILLES")] = [3, 3, 3, 3, double.NaN, 3],
        };
        return (protocol, SampleReports.Results(protocol, new Dictionary<string, int> { ["FILLES"] = 6 }, values));
    }

    /// <summary>
    /// A beneficiary group of only 3 families beside a comparison group of 40: the beneficiaries' counts and estimates
    /// must not be published, and their count must not be recoverable from the totals.
    /// </summary>
    public static (Protocol Protocol, AnalysisResults Results) ThreeFamilies()
    {
        var protocol = Load("""
            id: trois-familles
            title: "Petit groupe"
            territory: CE-000-03
            indicators:
              - { code: SCORE, label: "Score d'implication", level: impact, type: continuous, range: { min: 0, max: 10 }, waves: [T1] }
            groups:
              - { code: BEN, label: "Familles bénéficiaires", role: focal }
              - { code: COMP, label: "Familles non bénéficiaires", role: comparison }
            waves:
              - { code: T1, label: "Rentrée", date: 2025-10-10 }
            analyses:
              - { code: A1, label: "Score à la rentrée", outcomes: [SCORE], wave: T1, estimator: difference_in_means }
            """);
        var comparison = Enumerable.Range(0, 40).Select(i => 4.0 + (i % 7) * 0.5).ToArray();
        comparison[39] = double.NaN;
        var values = new Dictionary<(string, string, string), double[]>
        {
            [("SCORE", "T1", "BEN")] = [7.5, 8, 6.5],
            [("SCORE", "T1", "COMP")] = comparison,
        };
        return (protocol, SampleReports.Results(protocol, new Dictionary<string, int> { ["BEN"] = 3, ["COMP"] = 40 }, values));
    }

    /// <summary>
    /// Two groups of 40 families with two baseline characteristics, one of them rare: only 3 beneficiary families live in
    /// precarious housing. Scores at T1 and T2; a few families are not observed at T2. ANCOVA at T2 on both characteristics.
    /// </summary>
    public static (Protocol Protocol, AnalysisResults Results) RareCharacteristic()
    {
        var protocol = Load("""
            id: caracteristique-rare
            title: "Caractéristique rare"
            territory: CE-000-04
            indicators:
              - { code: SCORE, label: "Score d'implication", level: impact, type: continuous, range: { min: 0, max: 10 }, waves: [T1, T2] }
            groups:
              - { code: BEN, label: "Familles bénéficiaires", role: focal }
              - { code: COMP, label: "Familles non bénéficiaires", role: comparison }
            waves:
              - { code: T1, label: "Rentrée", date: 2025-10-10 }
              - { code: T2, label: "Fin d'année", date: 2026-06-12 }
            covariates:
              - { code: AGE, label: "Âge (mois)", type: continuous }
              - { code: LOGEMENT, label: "Logement précaire", type: binary }
            analyses:
              - { code: A1, label: "Score en fin d'année", outcomes: [SCORE], wave: T2, estimator: ancova, covariates: [AGE, LOGEMENT] }
            """);
        double[] Scores(double shift, int lostFrom) => [.. Enumerable.Range(0, 40).Select(i => i >= lostFrom ? double.NaN : 4 + shift + (i % 7) * 0.5 + (i % 3) * 0.2)];
        var values = new Dictionary<(string, string, string), double[]>
        {
            [("SCORE", "T1", "BEN")] = Scores(0.5, 40),
            [("SCORE", "T1", "COMP")] = Scores(0, 40),
            [("SCORE", "T2", "BEN")] = Scores(0.8, 37),
            [("SCORE", "T2", "COMP")] = Scores(0.1, 33),
        };
        var covariates = new Dictionary<(string, string), double[]>
        {
            [("AGE", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => 34.0 + i % 9)],
            [("AGE", "COMP")] = [.. Enumerable.Range(0, 40).Select(i => 33.0 + i % 11)],
            [("LOGEMENT", "BEN")] = [.. Enumerable.Range(0, 40).Select(i => i is 2 or 17 or 38 ? 1.0 : 0.0)],
            [("LOGEMENT", "COMP")] = [.. Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? 1.0 : 0.0)],
        };
        return (protocol, SampleReports.Results(protocol, new Dictionary<string, int> { ["BEN"] = 40, ["COMP"] = 40 }, values, covariates: covariates));
    }
    /// <summary>
    /// The second field protocol: 6 girls followed from 4e to 3e against 20 classmates. Their situation on a 4-level
    /// scale at T1 and T2 (at T2 every girl is at the top level: 100 %, mean 4,00, SD 0,00), their attendance, and whether
    /// they hold a grant (2 girls of 6, 8 classmates of 20). A raw difference at T2, an ANCOVA on the grant and the T1 value,
    /// a risk difference on a yes/no indicator. Two classmates have no attendance at T2 (a count of 2, hidden); no other value is missing.
    /// </summary>
    public static (Protocol Protocol, AnalysisResults Results) SixVersusTwenty()
    {
        var protocol = Load("""
            id: six-contre-vingt
            title: "Six collégiennes et vingt camarades"
            territory: { code: CE-000-26, name: "Cité éducative d'exemple" }
            indicators:
              - code: SITUATION
                label: "Situation scolaire"
                level: impact
                type: ordinal
                levels: [{ value: 1, label: "Décrochage" }, { value: 2, label: "Fragile" }, { value: 3, label: "Régulière" }, { value: 4, label: "Très régulière" }]
                waves: [T1, T2]
              - { code: ASSIDUITE, label: "Assiduité", level: resultat, type: continuous, unit: "%", range: { min: 0, max: 100 }, waves: [T1, T2] }
              - { code: ORIENTATION, label: "Vœu d'orientation en voie générale", level: impact, type: binary, waves: [T2] }
            groups:
              - { code: FILLES, label: "Collégiennes suivies", role: focal }
              - { code: CAMARADES, label: "Camarades de classe", role: comparison }
            waves:
              - { code: T1, label: "4e", date: 2024-10-01 }
              - { code: T2, label: "3e", date: 2025-10-01 }
            covariates:
              - { code: BOURSIERE, label: "Boursière", type: binary }
            analyses:
              - { code: A1, label: "Situation en 3e (écart brut)", outcomes: [SITUATION, ASSIDUITE], wave: T2, estimator: difference_in_means }
              - { code: A2, label: "Situation en 3e (ajusté)", outcomes: [SITUATION], wave: T2, estimator: ancova, covariates: [BOURSIERE], baseline_wave: T1 }
              - { code: A3, label: "Orientation", outcomes: [ORIENTATION], wave: T2, estimator: risk_difference }
            """);
        var values = new Dictionary<(string, string, string), double[]>
        {
            [("SITUATION", "T1", "FILLES")] = [3, 4, 2, 4, 3, 4],
            [("SITUATION", "T2", "FILLES")] = [4, 4, 4, 4, 4, 4],
            [("SITUATION", "T1", "CAMARADES")] = [1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 2, 3, 3, 4],
            [("SITUATION", "T2", "CAMARADES")] = [2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 1, 3, 3, 4],
            [("ASSIDUITE", "T1", "FILLES")] = [92, 88, 75, 96, 81, 90],
            [("ASSIDUITE", "T2", "FILLES")] = [94, 85, 80, 97, 79, 91],
            [("ASSIDUITE", "T1", "CAMARADES")] = [.. Enumerable.Range(0, 20).Select(i => 78.0 + (i * 7) % 19)],
            [("ASSIDUITE", "T2", "CAMARADES")] = [.. Enumerable.Range(0, 20).Select(i => i >= 18 ? double.NaN : 77.0 + (i * 5) % 21)],
            [("ORIENTATION", "T2", "FILLES")] = [1, 1, 1, 1, 0, 1],
            [("ORIENTATION", "T2", "CAMARADES")] = [.. Enumerable.Range(0, 20).Select(i => i % 3 == 0 ? 0.0 : 1.0)],
        };
        var covariates = new Dictionary<(string, string), double[]>
        {
            [("BOURSIERE", "FILLES")] = [1, 0, 0, 1, 0, 0],
            [("BOURSIERE", "CAMARADES")] = [.. Enumerable.Range(0, 20).Select(i => i % 5 < 2 ? 1.0 : 0.0)],
        };
        return (protocol, SampleReports.Results(protocol, new Dictionary<string, int> { ["FILLES"] = 6, ["CAMARADES"] = 20 }, values, covariates: covariates));
    }
}
