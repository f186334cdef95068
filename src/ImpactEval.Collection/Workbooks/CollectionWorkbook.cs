using ClosedXML.Excel;
using ImpactEval.Core.Files;
using ImpactEval.Core.Model;
using ImpactEval.Core.Text;

namespace ImpactEval.Collection.Workbooks;

/// <summary>
/// Generates the Excel workbook (.xlsx) a cité fills for one wave of a protocol, ready to be imported back by
/// <see cref="Import.ObservationImporter"/>: a sheet to fill (named after the wave, first tab), an
/// "Instructions" sheet in French, and a hidden sheet holding the drop-down lists. Written with ClosedXML.
/// </summary>
/// <remarks>
/// <para>
/// The sheet to fill has one header row — identifiant, vague, date_collecte, then the code of each indicator
/// collected at the wave — which the importer matches exactly; the French labels are shown as the input message
/// of each column and listed on the Instructions sheet, so no second header row has to be skipped on import. It
/// is the first sheet, which is what <see cref="Import.TabularSource"/> reads when no sheet is named; the workbook
/// structure is protected (no password) so that sheets are not moved, renamed or unhidden by accident.
/// </para>
/// <para>
/// Drop-down lists (labels of ordinal, binary and categorical scales), whole-number and decimal ranges (count and
/// continuous scales), and a date check on date_collecte (a warning outside a fixed collection window) guide the
/// entry; the importer still validates everything. The header row is locked and frozen; the sheet is protected
/// without a password, which prevents accidents, not deliberate changes. Every text is an inline string, never a
/// formula.
/// </para>
/// <para>
/// Privacy: ImpactEval stores only pseudonyms (an HMAC of the cité's identifier), never the identifiers
/// themselves, so it cannot print the roster of expected participants on its own. The caller passes the
/// identifiers to print — typically read from the cité's own enrolment file at the moment of generation — and
/// they exist only in the generated file, which must then be handled as personal data.
/// </para>
/// </remarks>
public static class CollectionWorkbook
{
    /// <summary>Name of the instructions sheet.</summary>
    public const string InstructionsSheetName = InstructionsSheet.SheetName;

    /// <summary>The name of the sheet to fill for a wave: "Vague " and the wave code, within Excel's 31 characters.</summary>
    /// <param name="wave">The wave.</param>
    public static string DataSheetName(Wave wave)
    {
        var name = "Vague " + new string([.. wave.Code.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        return name.Length <= 31 ? name : name[..31];
    }

    /// <summary>The indicators collected at a wave, in protocol order: the value columns of its sheet.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="wave">The wave.</param>
    public static IReadOnlyList<Indicator> IndicatorsAt(Protocol protocol, Wave wave) =>
        [.. protocol.Indicators.Where(i => i.WaveCodes.Contains(wave.Code))];

    /// <summary>The indicators <paramref name="respondent"/> fills in at a wave (all of them when null), in protocol order.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="wave">The wave.</param>
    /// <param name="respondent">A respondent as the protocol writes it (compared without case or accents), or <see cref="WorkbookScope.AnyRespondent"/> for indicators that name none.</param>
    public static IReadOnlyList<Indicator> IndicatorsAt(Protocol protocol, Wave wave, string? respondent) =>
        respondent is null ? IndicatorsAt(protocol, wave) : [.. IndicatorsAt(protocol, wave).Where(i => SameRespondent(RespondentOf(i), respondent))];

    /// <summary>Who fills in an indicator: its respondent, or <see cref="WorkbookScope.AnyRespondent"/>.</summary>
    public static string RespondentOf(Indicator indicator) => indicator.Respondent ?? WorkbookScope.AnyRespondent;

    /// <summary>Whether two respondents are the same, without case or accents ("Enseignant" = "enseignant").</summary>
    public static bool SameRespondent(string a, string b) => TextKey.Normalize(a) == TextKey.Normalize(b);

    /// <summary>Writes the collection workbook of one whole wave (every school, every respondent) to <paramref name="output"/>.</summary>
    /// <inheritdoc cref="Write(Protocol, string, WorkbookScope, IReadOnlyList{string}, Stream)"/>
    public static void Write(Protocol protocol, string waveCode, IReadOnlyList<string> identifiers, Stream output) =>
        Write(protocol, waveCode, WorkbookScope.Whole, identifiers, output);

    /// <summary>Writes the collection workbook of one wave, for one school and one respondent or more, to <paramref name="output"/>.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="waveCode">Code of the wave (exact, as in the protocol).</param>
    /// <param name="scope">Whose workbook: the school column is added (and pre-filled) for one school, the columns are those of one respondent.</param>
    /// <param name="identifiers">
    /// The cité's identifiers of the expected participants, printed one per row in this order (trimmed); may be
    /// empty, for a blank sheet. They are not stored anywhere by ImpactEval (see remarks).
    /// </param>
    /// <param name="output">Where the .xlsx bytes go (writable and seekable, as a zip package needs; left open).</param>
    /// <exception cref="ArgumentException">
    /// The wave or the school does not exist, no indicator is collected at the wave by this respondent, or an identifier
    /// is empty, duplicated or holds control characters (messages in French, for the user who launched the generation).
    /// </exception>
    public static void Write(Protocol protocol, string waveCode, WorkbookScope scope, IReadOnlyList<string> identifiers, Stream output)
    {
        var wave = protocol.FindWave(waveCode)
            ?? throw new ArgumentException($"La vague « {waveCode} » n'existe pas dans le protocole. Vagues : {string.Join(", ", protocol.Waves.Select(w => w.Code))}.", nameof(waveCode));
        var indicators = IndicatorsAt(protocol, wave, scope.Respondent);
        if (indicators.Count == 0)
            throw new ArgumentException(scope.Respondent is null
                ? $"Aucun indicateur n'est recueilli à la vague {wave.Code} : il n'y a pas de classeur de collecte à produire."
                : $"Aucun indicateur de la vague {wave.Code} n'est renseigné par « {scope.Respondent} ». Répondants de la vague : {string.Join(", ", RespondentsAt(protocol, wave))}.", nameof(waveCode));
        if (scope.School is { } school && protocol.Cluster?.Units.Any(u => u.Code == school) != true)
            throw new ArgumentException(protocol.Cluster is { } cluster
                ? $"L'école « {school} » n'existe pas dans le protocole. Écoles : {string.Join(", ", cluster.Units.Select(u => u.Code))}."
                : "Le protocole ne déclare pas d'écoles (cluster) : il n'y a pas de classeur par école.", nameof(scope));
        var roster = CheckIdentifiers(identifiers);

        var dataSheet = DataSheetName(wave);
        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        var lists = new WorkbookLists();
        WaveSheet.Write(workbook.AddWorksheet(dataSheet), protocol, wave, indicators, scope.School, roster, lists);
        InstructionsSheet.Write(workbook.AddWorksheet(InstructionsSheetName), protocol, wave, scope, indicators, dataSheet, roster.Count);
        lists.Write(workbook);
        Finish(workbook);
        workbook.SaveAs(output);
    }

    /// <summary>The respondents of the indicators collected at a wave, in protocol order, each once.</summary>
    public static IReadOnlyList<string> RespondentsAt(Protocol protocol, Wave wave)
    {
        var respondents = new List<string>();
        foreach (var respondent in IndicatorsAt(protocol, wave).Select(RespondentOf))
            if (!respondents.Any(r => SameRespondent(r, respondent))) respondents.Add(respondent);
        return respondents;
    }

    /// <summary>
    /// Writes the collection workbook of one wave to a file (created or replaced atomically: a kill leaves the previous
    /// file or the new one, never a partial one; see <see cref="AtomicFiles"/>). The file holds identifiers: it is
    /// created readable by its owner only (0600).
    /// </summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="waveCode">Code of the wave.</param>
    /// <param name="scope">Whose workbook (see <see cref="Write(Protocol, string, WorkbookScope, IReadOnlyList{string}, Stream)"/>).</param>
    /// <param name="identifiers">The identifiers of the expected participants.</param>
    /// <param name="path">Path of the .xlsx file.</param>
    /// <exception cref="ArgumentException">See <see cref="Write(Protocol, string, WorkbookScope, IReadOnlyList{string}, Stream)"/>.</exception>
    public static void WriteFile(Protocol protocol, string waveCode, WorkbookScope scope, IReadOnlyList<string> identifiers, string path)
    {
        AtomicFiles.Write(path, stream => Write(protocol, waveCode, scope, identifiers, stream), AtomicFiles.OwnerOnly);
    }

    /// <summary>Writes the collection workbook of one whole wave to a file (see <see cref="WriteFile(Protocol, string, WorkbookScope, IReadOnlyList{string}, string)"/>).</summary>
    public static void WriteFile(Protocol protocol, string waveCode, IReadOnlyList<string> identifiers, string path) =>
        WriteFile(protocol, waveCode, WorkbookScope.Whole, identifiers, path);

    /// <summary>Opens a generated workbook on its first sheet and protects its structure (no password), so that sheets are not moved, renamed or unhidden by accident.</summary>
    internal static void Finish(XLWorkbook workbook)
    {
        workbook.Worksheet(1).SetTabActive().SetTabSelected();
        workbook.Protect(null, XLProtectionAlgorithm.Algorithm.SimpleHash, XLWorkbookProtectionElements.Windows);
    }

    private static List<string> CheckIdentifiers(IReadOnlyList<string> identifiers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roster = new List<string>(identifiers.Count);
        for (var i = 0; i < identifiers.Count; i++)
        {
            var id = identifiers[i]?.Trim() ?? "";
            if (id.Length == 0) throw new ArgumentException($"L'identifiant n° {i + 1} de la liste des participants est vide.", nameof(identifiers));
            if (id.Any(char.IsControl)) throw new ArgumentException($"L'identifiant n° {i + 1} contient un caractère de contrôle.", nameof(identifiers));
            if (!seen.Add(id)) throw new ArgumentException($"L'identifiant n° {i + 1} figure déjà plus haut dans la liste des participants.", nameof(identifiers));
            roster.Add(id);
        }
        return roster;
    }
}
