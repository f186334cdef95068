using System.Globalization;
using System.Text;
using ImpactEval.Core.Model;

namespace ImpactEval.Collection.Workbooks;

/// <summary>One workbook of a wave's set: whose it is, the participants it lists, and its file name.</summary>
/// <param name="Scope">The school and the respondent.</param>
/// <param name="Identifiers">The identifiers it lists, in roster order.</param>
/// <param name="FileName">"collecte-passerelles-T1-E03-enseignant.xlsx".</param>
public sealed record PlannedWorkbook(WorkbookScope Scope, IReadOnlyList<string> Identifiers, string FileName);

/// <summary>
/// Splits a wave's collection into one workbook per school and respondent, as the people who fill them work: each
/// teacher gets their school's families and only the indicators teachers rate; the early-years educators get the
/// families of the groups their indicators apply to (indicator <c>groups:</c>). A pair with no participant to list
/// gets no workbook. Pure: the roster comes from <see cref="WorkbookRoster"/>.
/// </summary>
/// <remarks>
/// The workbooks of a set cover disjoint cells (participant × indicator), so importing all of them, in any order and
/// some more than once, stores the same values as one file holding everything.
/// </remarks>
public static class CollectionWorkbookSet
{
    /// <summary>The workbooks of <paramref name="wave"/> for <paramref name="roster"/>, restricted to the school and respondent of <paramref name="filter"/> when given.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="wave">The wave.</param>
    /// <param name="roster">The participants owed the wave.</param>
    /// <param name="filter">One school, one respondent, both, or <see cref="WorkbookScope.Whole"/>.</param>
    public static IReadOnlyList<PlannedWorkbook> Plan(Protocol protocol, Wave wave, IReadOnlyList<ExpectedParticipant> roster, WorkbookScope filter)
    {
        IEnumerable<string?> schools = protocol.Cluster is { } cluster ? cluster.Units.Select(u => (string?)u.Code) : [null];
        var plan = new List<PlannedWorkbook>();
        foreach (var school in schools.Where(s => filter.School is null || s == filter.School))
        foreach (var respondent in CollectionWorkbook.RespondentsAt(protocol, wave).Where(r => filter.Respondent is null || CollectionWorkbook.SameRespondent(r, filter.Respondent)))
        {
            var scope = new WorkbookScope(school, respondent);
            var identifiers = Listed(protocol, wave, roster, scope);
            if (identifiers.Count > 0) plan.Add(new PlannedWorkbook(scope, identifiers, FileName(protocol, wave, scope)));
        }
        return plan;
    }

    /// <summary>
    /// The participants of <paramref name="roster"/> a workbook of <paramref name="scope"/> lists: those of its school
    /// (all schools when null) in a group one of its respondent's indicators applies to (all respondents when null).
    /// </summary>
    public static IReadOnlyList<string> Listed(Protocol protocol, Wave wave, IReadOnlyList<ExpectedParticipant> roster, WorkbookScope scope)
    {
        var indicators = CollectionWorkbook.IndicatorsAt(protocol, wave, scope.Respondent);
        return [.. roster.Where(p => (scope.School is null || p.School == scope.School) && indicators.Any(i => i.AppliesTo(p.Group))).Select(p => p.Identifier)];
    }

    /// <summary>"collecte-passerelles-T1-E03-enseignant.xlsx": protocol, wave, school and respondent, in ASCII letters (accents dropped, case kept), digits and hyphens.</summary>
    public static string FileName(Protocol protocol, Wave wave, WorkbookScope scope)
    {
        var parts = new List<string?> { "collecte", protocol.Id, wave.Code, scope.School, scope.Respondent };
        return string.Join('-', parts.Where(p => p is not null).Select(p => Slug(p!))) + ".xlsx";
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var result = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return result.Length == 0 ? "x" : result;
    }
}
