using ImpactEval.Core.Loading;
using Xunit;

namespace ImpactEval.Core.Tests.Loading;

public class MultipleChoiceTests
{
    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    // A questionnaire with a "tick all that apply" question: two binary options grouped under one code.
    private const string Questionnaire = """
        id: questionnaire
        title: "Questionnaire"
        territory: NATIONAL
        indicators:
          - { code: PART_CAF, label: "CAF", level: effectivite, type: binary, waves: [R] }
          - { code: PART_ARS, label: "ARS", level: effectivite, type: binary, waves: [R] }
          - { code: NB_GROUPES, label: "Groupes de travail", level: effectivite, type: count, waves: [R] }
        groups:
          - { code: CITES, label: "Cités", role: focal }
        waves:
          - { code: R, label: "Revue", date: 2024-06-28 }
        multiple_choice:
          - code: PARTENAIRES
            text: "Quels partenaires sont engagés ?"
            options: [PART_CAF, PART_ARS]
        """;

    // ANCT's revue de projet asks which partners are engaged, several answers allowed: the protocol groups the binary
    // options under one question, and every other indicator stays a question by itself.
    [Fact]
    public void Load_MultipleChoice_GroupsBinaryOptions()
    {
        var result = ProtocolLoader.Load(Questionnaire, "q.yaml");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var question = Assert.Single(result.Protocol!.MultipleChoices);
        Assert.Equal(("PARTENAIRES", "Quels partenaires sont engagés ?"), (question.Code, question.Text));
        Assert.Equal(["PART_CAF", "PART_ARS"], question.OptionCodes.ToArray());
        Assert.Same(question, result.Protocol.MultipleChoiceOf("PART_ARS"));
        Assert.Null(result.Protocol.MultipleChoiceOf("NB_GROUPES"));
    }

    // A protocol written before multiple-choice questions existed loads as before, with none.
    [Fact]
    public void Load_WithoutMultipleChoice_HasNone()
    {
        var result = ProtocolLoader.Load(ProtocolLoaderTests.Minimal, "p.yaml");

        Assert.True(result.IsValid);
        Assert.Empty(result.Protocol!.MultipleChoices);
        Assert.Null(result.Protocol.MultipleChoiceOf("NOTE"));
    }

    // A count cannot be ticked: an option must be binary, and the error points at the indicator.
    [Fact]
    public void Load_NonBinaryOption_IsAnErrorAtTheIndicator()
    {
        var result = ProtocolLoader.Load(Questionnaire.Replace("options: [PART_CAF, PART_ARS]", "options: [PART_CAF, NB_GROUPES]"), "q.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("« NB_GROUPES » est une option de la question à choix multiples « PARTENAIRES »", error.Message);
        Assert.Equal(7, error.At.Line);
    }

    // Typos and misuse are all reported at once: an unknown option (with a suggestion), an option shared by two
    // questions, a question code that is also an indicator code, a question with a single option.
    [Fact]
    public void Load_MisusedMultipleChoice_ReportsEveryProblem()
    {
        var text = Questionnaire.Replace("options: [PART_CAF, PART_ARS]", "options: [PART_CAF, PART_ARSS]") + """

              - code: NB_GROUPES
                text: "Autre"
                options: [PART_CAF]
            """;

        var errors = ProtocolLoader.Load(text, "q.yaml").Errors.ToList();

        Assert.Contains(errors, e => e.Message.Contains("PART_ARSS") && e.Hint!.Contains("PART_ARS"));
        Assert.Contains(errors, e => e.Message.Contains("« PART_CAF » est déjà une option de la question à choix multiples « PARTENAIRES »"));
        Assert.Contains(errors, e => e.Message.Contains("désigne à la fois un indicateur et une question à choix multiples"));
        Assert.Contains(errors, e => e.Message.Contains("n'a qu'une option"));
    }

    // The shipped national questionnaire (revue de projet) is valid; its only remark is that it compares no groups.
    [Fact]
    public void LoadFile_ShippedRevueDeProjet_IsValidWithFourMultipleChoiceQuestions()
    {
        var result = ProtocolLoader.LoadFile(Shipped("revue-de-projet.yaml"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var warning = Assert.Single(result.Problems);
        Assert.Contains("Aucun groupe de comparaison", warning.Message);
        Assert.Equal(["PILOTAGE", "ASSOCIATION", "MISSIONS_GT", "PARTENAIRES"], result.Protocol!.MultipleChoices.Select(q => q.Code));
        Assert.Equal(24, result.Protocol.MultipleChoices.Sum(q => q.OptionCodes.Length));
    }
}
