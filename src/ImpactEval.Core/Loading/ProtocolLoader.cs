using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ImpactEval.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Core.Loading;

/// <summary>
/// Reads a protocol file (YAML, the language described in docs/protocol-language.md) into a validated
/// <see cref="Protocol"/>, reporting every problem at once with its line and column, in French.
/// </summary>
/// <remarks>
/// Reading is done in two passes: the first turns the YAML tree into the model, recording structural
/// problems (unknown keys, missing fields, wrong types) and every code reference with its position;
/// the second (<see cref="ProtocolRules"/>) checks what spans sections (references, duplicates, the
/// coherence of analyses). A protocol with any error is never returned, so it can never be registered.
/// </remarks>
public static partial class ProtocolLoader
{
    private static readonly string[] RootKeys =
    [
        "id", "title", "territory", "version", "authors", "dates", "objectives", "public", "leverage",
        "questions", "indicators", "groups", "waves", "covariates", "cluster", "analyses", "design", "report", "multiple_choice",
        "families", "contact",
    ];

    /// <summary>The largest protocol file read: 5 MiB (the demo's protocol is 12 KB).</summary>
    public const int MaxBytes = 5 << 20;

    /// <summary>The deepest nesting of lists and tables accepted (the protocol language needs 5 levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>Loads a protocol file from disk: UTF-8 (with or without BOM), at most <see cref="MaxBytes"/>.</summary>
    /// <param name="path">Path of the YAML file; the name shown in problems is the path as given.</param>
    /// <param name="templatesDirectory">The templates directory, when known: <c>report.template</c> must then exist (a name
    /// in this directory, a relative path under the protocol file's folder).</param>
    public static ProtocolLoadResult LoadFile(string path, string? templatesDirectory = null)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes) return Refused(path, SourcePosition.Start, TooLarge(info.Length), TooLargeHint);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "le fichier est introuvable",
                UnauthorizedAccessException => "l’accès au fichier est refusé",
                _ => "le fichier ne peut pas être lu",
            };
            return Refused(path, SourcePosition.Start, $"Impossible de lire le fichier de protocole\u202F: {reason}.", "Vérifiez le chemin et les droits d’accès.");
        }
        if (bytes.Length > MaxBytes) return Refused(path, SourcePosition.Start, TooLarge(bytes.Length), TooLargeHint);
        if (Decode(bytes, path, out var text) is { } problem) return new ProtocolLoadResult(null, [problem], "");
        return Load(text, path, templatesDirectory is null ? null : (templatesDirectory, Path.GetDirectoryName(Path.GetFullPath(path))!));
    }

    /// <summary>Loads a protocol from its text.</summary>
    /// <param name="text">The YAML text (at most <see cref="MaxBytes"/> characters, nesting at most <see cref="MaxDepth"/> levels).</param>
    /// <param name="fileName">Name shown in problems.</param>
    /// <param name="templateFolders">Where <c>report.template</c> must exist (the templates directory for a name, the
    /// protocol's folder for a path), or null not to check that it exists.</param>
    public static ProtocolLoadResult Load(string text, string fileName, (string Templates, string Protocol)? templateFolders = null)
    {
        if (text.Length > MaxBytes) return Refused(fileName, SourcePosition.Start, TooLarge(text.Length), TooLargeHint);
        var sink = new ProblemSink(fileName);
        var root = Parse(text, sink);
        if (root is null) return new ProtocolLoadResult(null, [.. sink.Problems], text);

        var references = new List<Reference>();
        var protocol = new Reader(sink, references, templateFolders).ReadProtocol(root);
        ProtocolRules.Check(protocol, references, sink);
        var problems = sink.Problems.OrderBy(p => p.At.Line).ThenBy(p => p.At.Column).ToImmutableArray();
        return new ProtocolLoadResult(sink.HasErrors ? null : protocol, problems, text);
    }

    private static ProtocolLoadResult Refused(string file, SourcePosition at, string message, string hint) =>
        new(null, [new ProtocolProblem(file, at, Severity.Error, message, hint)], "");

    private static string TooLarge(long size) =>
        $"Le fichier de protocole fait {size.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} octets\u202F: {MaxBytes >> 20} Mo au plus.";

    private const string TooLargeHint = "Un protocole tient en quelques dizaines de kilo-octets\u202F: vérifiez que c’est bien le bon fichier.";

    /// <summary>
    /// Decodes the bytes as strict UTF-8 (a leading BOM is dropped); on the first byte that is not UTF-8, a problem at
    /// its line and column (counted in characters), so that a Windows-1252 file is refused rather than registered with
    /// replacement characters.
    /// </summary>
    private static ProtocolProblem? Decode(byte[] bytes, string file, out string text)
    {
        text = "";
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new ProtocolProblem(file, SourcePosition.Start, Severity.Error, "Le fichier de protocole est encodé en UTF-16\u202F: il doit l’être en UTF-8.", EncodingHint);
        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            text = new string(chars, 0, written);
            return null;
        }
        var before = span[..read];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var at = new SourcePosition(before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
        return new ProtocolProblem(file, at, Severity.Error,
            $"Le fichier de protocole n’est pas encodé en UTF-8\u202F: l’octet 0x{span[read]:X2} à cet endroit n’est pas du texte UTF-8 (fichier enregistré en Windows-1252 ou en Latin-1\u202F?).",
            EncodingHint);
    }

    private const string EncodingHint = "Enregistrez le fichier en UTF-8 (dans le Bloc-notes ou l’éditeur\u202F: «\u202FEnregistrer sous\u202F», encodage «\u202FUTF-8\u202F»).";

    private static YamlMappingNode? Parse(string text, ProblemSink sink)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            sink.Error(SourcePosition.Start, "Le fichier de protocole est vide.", "Partez de protocols/passerelles.yaml comme modèle.");
            return null;
        }
        var stream = new YamlStream();
        try
        {
            if (!WithinDepth(text, sink)) return null;
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            sink.Error(ProblemSink.At(e.Start), $"Syntaxe YAML invalide\u202F: {Translate(reason)}",
                "Vérifiez l’indentation (espaces, pas de tabulations), les deux-points après chaque clé et les guillemets.");
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            sink.Error(SourcePosition.Start, "Le fichier doit contenir un seul document YAML formé de clés (id, title, indicators…).");
            return null;
        }
        return root;
    }

    /// <summary>
    /// Checks the nesting depth on the parser's events before the tree is built (building it is recursive: a file
    /// nested 30,000 levels deep would overflow the stack and kill the process).
    /// </summary>
    private static bool WithinDepth(string text, ProblemSink sink)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    sink.Error(ProblemSink.At(parser.Current!.Start), $"Le protocole imbrique plus de {MaxDepth} niveaux de listes ou de tables.",
                        "Un protocole n’a besoin que de quelques niveaux (indicateurs, niveaux, fenêtres)\u202F: vérifiez l’indentation et les crochets.");
                    return false;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
        return true;
    }

    /// <summary>A French reason for a YamlDotNet message; the English text itself never reaches the user.</summary>
    private static string Translate(string reason) => reason switch
    {
        _ when Has(reason, "Duplicate key") => "une clé apparaît deux fois.",
        _ when Has(reason, "mapping values are not allowed") => "deux-points inattendus (mettez le texte entre guillemets).",
        _ when Has(reason, "quoted scalar") || Has(reason, "end of stream") => "un guillemet ouvert n’est jamais refermé, ou le fichier est tronqué.",
        _ when Has(reason, "did not find expected") || Has(reason, "While parsing") => "structure incomplète (indentation, crochet ou guillemet manquant).",
        _ when Has(reason, "tab") => "tabulation interdite, utilisez des espaces.",
        _ when Has(reason, "anchor") || Has(reason, "alias") => "un alias (*nom) renvoie à une ancre (&nom) absente ou mal placée.",
        _ when Has(reason, "cannot start any token") || Has(reason, "unexpected character") => "un caractère ne peut pas commencer une valeur à cet endroit (mettez le texte entre guillemets).",
        _ => "le texte n’est pas du YAML valide à cet endroit.",
    };

    private static bool Has(string reason, string part) => reason.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first pass: YAML tree to model.</summary>
    private sealed partial class Reader(ProblemSink sink, List<Reference> references, (string Templates, string Protocol)? templateFolders)
    {
        public Protocol ReadProtocol(YamlMappingNode node)
        {
            var map = new YamlMap(node, "le protocole", sink, RootKeys);
            var id = map.String("id", true, "passerelles") ?? "";
            if (id.Length > 0 && !IsCode(id))
                sink.Error(map.PositionOf("id"), $"L'identifiant « {id} » ne doit contenir que des lettres sans accent, chiffres, « - » et « _ ».", "Par exemple : id: passerelles");
            var title = map.String("title", true, "\"Évaluation de …\"") ?? "";
            var (territoryCode, territoryName) = ReadTerritory(map);
            var version = map.Has("version") ? map.String("version", false) : null;
            var authors = map.Has("authors") ? map.Texts("authors", false) : [];
            var dates = ReadDates(map);
            var objectives = map.Has("objectives") ? map.Texts("objectives", false) : [];
            var targetPublic = ReadPublic(map);
            var leverage = map.String("leverage", false);
            var indicators = ReadList(map, "indicators", true, ReadIndicator);
            var groups = ReadList(map, "groups", true, ReadGroup);
            var waves = ReadList(map, "waves", true, ReadWave);
            var covariates = ReadList(map, "covariates", false, ReadCovariate);
            var questions = ReadList(map, "questions", false, ReadQuestion);
            var cluster = ReadCluster(map);
            var analyses = ReadList(map, "analyses", false, (m, i) => ReadAnalysis(m, i, groups, cluster));
            var families = ReadFamilies(map, ref analyses);
            var design = ReadDesign(map);
            var report = map.Map("report", false, "la section report", "template");
            var template = ReadTemplate(report);
            var multipleChoices = ReadList(map, "multiple_choice", false, ReadMultipleChoice);

            return new Protocol(id, title, territoryCode, territoryName, version, authors, dates, objectives, targetPublic, leverage,
                questions, indicators, groups, waves, covariates, cluster, analyses, design, template, multipleChoices) { Families = families, Contact = ReadContact(map) };
        }

        /// <summary>report.template: a template name or a relative path under the protocol's folder, never outside it.</summary>
        private string ReadTemplate(YamlMap? report)
        {
            const string fallback = "rapport-cohorte";
            if (report?.String("template", true, fallback) is not { } template) return fallback;
            var problem = TemplateReference.Problem(template)
                          ?? (templateFolders is { } folders ? TemplateReference.Missing(template, folders.Templates, folders.Protocol) : null);
            if (problem is not null)
                sink.Error(report.PositionOf("template"), problem, $"Par exemple : template: {fallback} (un gabarit du dossier des gabarits) ou template: modeles/notre-rapport{TemplateReference.Extension} (à côté du protocole).");
            return template;
        }

        private (string Code, string? Name) ReadTerritory(YamlMap map)
        {
            var node = map.Node("territory", true, "{ code: CE-000-01, name: \"Cité éducative de …\" }");
            if (node is YamlScalarNode) return (map.String("territory", true) ?? "", null);
            var territory = map.Map("territory", true, "la section territory", "code", "name");
            if (territory is null) return ("", null);
            return (territory.String("code", true, "CE-069-01") ?? "", territory.String("name", false));
        }

        private ProtocolDates ReadDates(YamlMap map)
        {
            var dates = map.Map("dates", false, "la section dates", "written", "start", "end");
            if (dates is null) return new ProtocolDates(null, null, null);
            return new ProtocolDates(dates.Date("written", false), dates.Date("start", false), dates.Date("end", false));
        }

        private TargetPublic ReadPublic(YamlMap map)
        {
            var target = map.Map("public", false, "la section public", "age_min", "age_max", "gender", "setting", "description");
            if (target is null) return new TargetPublic(null, null, GenderCoverage.Mixed, Setting.Both, null);
            var min = target.Number("age_min", false);
            var max = target.Number("age_max", false);
            foreach (var (key, value) in new[] { ("age_min", min), ("age_max", max) })
            {
                if (value is < 0 or > 25)
                    sink.Error(target.PositionOf(key), $"L'âge « {key} » doit être compris entre 0 et 25 ans (public des cités éducatives).");
            }
            if (min is { } a && max is { } b && a > b)
                sink.Error(target.PositionOf("age_min"), "L'âge minimal du public dépasse l'âge maximal.", "Inversez age_min et age_max.");
            return new TargetPublic(min, max,
                target.Choice("gender", false, Vocabulary.Genders) ?? GenderCoverage.Mixed,
                target.Choice("setting", false, Vocabulary.Settings) ?? Setting.Both,
                target.String("description", false));
        }

        private ImmutableArray<T> ReadList<T>(YamlMap map, string key, bool required, Func<YamlMap, int, T?> read) where T : class
        {
            var items = map.Sequence(key, required);
            if (items is null) return [];
            if (items.Count == 0 && required)
                sink.Error(map.PositionOf(key), $"La liste « {key} » est vide.", "Déclarez au moins un élément.");
            var result = ImmutableArray.CreateBuilder<T>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not YamlMappingNode mapping)
                {
                    sink.Error(ProblemSink.At(items[i].Start), $"L'élément n°{i + 1} de « {key} » doit être une table de clés, pas {YamlMap.Describe(items[i])}.");
                    continue;
                }
                var code = mapping.Children.TryGetValue(new YamlScalarNode("code"), out var codeNode) && codeNode is YamlScalarNode { Value: { Length: > 0 } c } ? c : null;
                var what = code is null ? $"l'élément n°{i + 1} de « {key} »" : $"l'élément « {code} » de « {key} »";
                var value = read(new YamlMap(mapping, what, sink, KeysOf(key)), i);
                if (value is not null) result.Add(value);
            }
            return result.ToImmutable();
        }

        private static string[] KeysOf(string list) => list switch
        {
            "indicators" => ["code", "label", "level", "type", "unit", "range", "levels", "direction", "source", "respondent", "waves", "groups"],
            "groups" => ["code", "label", "role", "membership", "planned_size"],
            "waves" => ["code", "label", "date", "offset_days", "window"],
            "covariates" => ["code", "label", "type", "unit", "range", "levels"],
            "questions" => ["code", "text", "criteria"],
            "criteria" => ["code", "text", "indicators"],
            "analyses" => ["code", "label", "outcomes", "wave", "baseline_wave", "contrasts", "estimator", "covariates", "confidence", "multiplicity",
                "model", "variance", "df", "baseline", "bootstrap", "primary"],
            "families" => ["code", "label", "analyses", "multiplicity"],
            "levels" => ["value", "label"],
            "units" => ["code", "label"],
            "contrasts" => ["focal", "comparison"],
            "multiple_choice" => ["code", "text", "options"],
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "no keys declared for this list"),
        };

        private string ReadCode(YamlMap map, string example)
        {
            var code = map.String("code", true, example) ?? "";
            if (code.Length > 0)
            {
                if (!IsCode(code))
                    sink.Error(map.PositionOf("code"), $"Le code « {code} » ne doit contenir que des lettres sans accent, chiffres, « . », « - » et « _ ».",
                        "Les codes servent d'en-têtes de colonnes lors des imports : gardez-les courts et stables.");
            }
            return code;
        }

        private Indicator? ReadIndicator(YamlMap map, int index)
        {
            var code = ReadCode(map, "COOP_PROPRETE");
            var label = map.String("label", true, "\"Implication du parent …\"") ?? code;
            var level = map.Choice("level", true, Vocabulary.Levels) ?? IndicatorLevel.Resultat;
            var scale = ReadScale(map);
            var direction = map.Choice("direction", false, Vocabulary.Directions) ?? Direction.HigherIsBetter;
            var waves = map.Codes("waves", true);
            foreach (var (wave, at) in waves) references.Add(new Reference(ReferenceKind.Wave, wave, at, $"l'indicateur « {code} »"));
            return new Indicator(code, label, level, scale, direction, map.String("source", false), map.String("respondent", false),
                [.. waves.Select(w => w.Code)], map.Position) { GroupCodes = ReadApplicability(map, code) };
        }

        private Covariate? ReadCovariate(YamlMap map, int index)
        {
            var code = ReadCode(map, "AGE_MOIS");
            var label = map.String("label", true, "\"Âge de l'enfant (mois)\"") ?? code;
            return new Covariate(code, label, ReadScale(map), map.Position);
        }

        private Scale ReadScale(YamlMap map)
        {
            var type = map.Choice("type", true, Vocabulary.Types) ?? ValueType.Continuous;
            var unit = map.String("unit", false);
            double? min = null, max = null;
            var range = map.Map("range", false, $"la plage de {map.What}", "min", "max");
            if (range is not null)
            {
                min = range.Number("min", false);
                max = range.Number("max", false);
                if (min is { } a && max is { } b && a > b)
                    sink.Error(range.Position, $"La plage de {map.What} est inversée : min ({a}) dépasse max ({b}).", "Inversez min et max.");
                if (type is ValueType.Ordinal or ValueType.Categorical or ValueType.Binary)
                    sink.Error(map.PositionOf("range"), $"{Capitalise(map.What)} est de type « {Vocabulary.WordFor(Vocabulary.Types, type)} » : une plage (range) n'a pas de sens pour une échelle à niveaux.",
                        "Supprimez « range » : les niveaux (levels) définissent déjà les valeurs admises.");
            }
            var levels = ImmutableArray<ScaleLevel>.Empty;
            if (map.Has("levels"))
            {
                levels = ReadLevels(map);
                if (type is ValueType.Continuous or ValueType.Count)
                    sink.Error(map.PositionOf("levels"), $"{Capitalise(map.What)} est de type « {Vocabulary.WordFor(Vocabulary.Types, type)} » : il ne peut pas avoir de niveaux.",
                        "Choisissez type: ordinal (niveaux ordonnés) ou categorical, ou supprimez « levels ».");
            }
            else if (type is ValueType.Ordinal or ValueType.Categorical)
            {
                sink.Error(map.Position, $"{Capitalise(map.What)} est de type « {Vocabulary.WordFor(Vocabulary.Types, type)} » mais ne déclare pas ses niveaux.",
                    "Ajoutez levels: avec une ligne « - { value: 1, label: \"…\" } » par niveau.");
            }
            if (type is ValueType.Ordinal or ValueType.Categorical && levels.Length == 1)
                sink.Error(map.PositionOf("levels"), $"{Capitalise(map.What)} n'a qu'un niveau : une échelle en demande au moins deux.");
            if (type == ValueType.Binary && !levels.IsEmpty &&
                (levels.Length != 2 || !levels.Select(l => l.Value).Order().SequenceEqual([0, 1])))
                sink.Error(map.PositionOf("levels"), $"{Capitalise(map.What)} est binaire : ses niveaux doivent être exactement 0 et 1.",
                    "Par exemple : levels: [{ value: 0, label: non }, { value: 1, label: oui }]");
            return new Scale(type, unit, min, max, levels);
        }

        private ImmutableArray<ScaleLevel> ReadLevels(YamlMap owner)
        {
            var items = owner.Sequence("levels", false) ?? [];
            var levels = ImmutableArray.CreateBuilder<ScaleLevel>();
            var seenValues = new Dictionary<int, SourcePosition>();
            var seenLabels = new Dictionary<string, SourcePosition>();
            foreach (var item in items)
            {
                if (item is not YamlMappingNode mapping)
                {
                    sink.Error(ProblemSink.At(item.Start), $"Chaque niveau de {owner.What} doit s'écrire {{ value: 1, label: \"…\" }}, pas {YamlMap.Describe(item)}.");
                    continue;
                }
                var level = new YamlMap(mapping, $"un niveau de {owner.What}", sink, KeysOf("levels"));
                var value = level.Integer("value", true, "1");
                var label = level.String("label", true, "\"Pas du tout\"");
                if (value is null || label is null) continue;
                if (seenValues.TryGetValue(value.Value, out var first))
                    sink.Error(level.PositionOf("value"), $"La valeur {value} est déclarée deux fois dans l'échelle de {owner.What} (déjà ligne {first.Line}).", "Chaque niveau doit avoir sa propre valeur.");
                else seenValues[value.Value] = level.PositionOf("value");
                var labelKey = Text.TextKey.Normalize(label);
                if (seenLabels.TryGetValue(labelKey, out var firstLabel))
                    sink.Error(level.PositionOf("label"), $"Le libellé « {label} » est déclaré deux fois dans l'échelle de {owner.What} (déjà ligne {firstLabel.Line}).", "Chaque niveau doit avoir son propre libellé.");
                else seenLabels[labelKey] = level.PositionOf("label");
                levels.Add(new ScaleLevel(value.Value, label));
            }
            return levels.ToImmutable();
        }

        private Group? ReadGroup(YamlMap map, int index)
        {
            var code = ReadCode(map, "BEN");
            var size = map.Integer("planned_size", false, "300");
            if (size is <= 1)
                sink.Error(map.PositionOf("planned_size"), $"L'effectif prévu de {map.What} doit être d'au moins 2 participants.");
            return new Group(code, map.String("label", true, "\"Familles bénéficiaires\"") ?? code,
                map.Choice("role", true, Vocabulary.Roles) ?? GroupRole.Comparison, map.String("membership", false), size, map.Position);
        }

        private Wave? ReadWave(YamlMap map, int index)
        {
            var code = ReadCode(map, "T1");
            var label = map.String("label", true, "\"Entrée en petite section\"") ?? code;
            var date = map.Date("date", false);
            var offset = map.Integer("offset_days", false, "180");
            if (map.Has("date") && map.Has("offset_days"))
                sink.Error(map.PositionOf("offset_days"), $"{Capitalise(map.What)} a à la fois une date fixe (date) et un délai après l'inscription (offset_days).", "Gardez l'un des deux.");
            else if (!map.Has("date") && !map.Has("offset_days"))
                sink.Error(map.Position, $"{Capitalise(map.What)} n'a pas d'échéance.", "Ajoutez « date: 2027-09-20 » (date fixe) ou « offset_days: 0 » (délai après l'inscription, en jours).");
            if (offset is < 0)
                sink.Error(map.PositionOf("offset_days"), "Le délai après l'inscription (offset_days) ne peut pas être négatif.");
            int before = 0, after = 30;
            var window = map.Map("window", false, $"la fenêtre de collecte de {map.What}", "before", "after");
            if (window is not null)
            {
                before = window.Integer("before", false) ?? 0;
                after = window.Integer("after", false) ?? 30;
                if (before < 0 || after < 0)
                    sink.Error(window.Position, "Les jours de la fenêtre de collecte (before, after) ne peuvent pas être négatifs.");
            }
            return new Wave(code, label, index, new WaveSchedule(date, date is null ? offset ?? 0 : null, before, after), map.Position);
        }

        private EvaluationQuestion? ReadQuestion(YamlMap map, int index)
        {
            var code = ReadCode(map, "Q1");
            var text = map.String("text", true, "\"Le dispositif renforce-t-il …?\"") ?? "";
            var criteria = ReadList(map, "criteria", true, (criterion, _) =>
            {
                var criterionCode = ReadCode(criterion, "Q1.1");
                var criterionText = criterion.String("text", true, "\"Les parents s'impliquent …\"") ?? "";
                var indicators = criterion.Codes("indicators", true);
                foreach (var (indicator, at) in indicators)
                    references.Add(new Reference(ReferenceKind.Indicator, indicator, at, $"le critère « {criterionCode} »"));
                return new JudgementCriterion(criterionCode, criterionText, [.. indicators.Select(i => i.Code)]);
            });
            return new EvaluationQuestion(code, text, criteria);
        }

        private MultipleChoiceQuestion? ReadMultipleChoice(YamlMap map, int index)
        {
            var code = ReadCode(map, "PILOTAGE");
            var text = map.String("text", true, "\"Quelles fonctions composent l'instance de pilotage ?\"") ?? "";
            var options = map.Codes("options", true);
            var what = $"la question à choix multiples « {code} »";
            foreach (var (option, at) in options) references.Add(new Reference(ReferenceKind.Indicator, option, at, what));
            if (options.Length == 1)
                sink.Error(map.PositionOf("options"), $"{Capitalise(what)} n'a qu'une option.",
                    "Une question à choix multiples regroupe au moins deux indicateurs binaires ; un seul indicateur est déjà une question à lui seul.");
            return new MultipleChoiceQuestion(code, text, [.. options.Select(o => o.Code)], map.Position);
        }

        private DesignAssumptions ReadDesign(YamlMap map)
        {
            var design = map.Map("design", false, "la section design", "icc", "covariate_r2", "power", "alpha");
            if (design is null) return DesignAssumptions.Default;
            var icc = design.Number("icc", false, "0.10");
            var r2 = design.Number("covariate_r2", false, "0.20") ?? 0;
            var power = design.Number("power", false, "0.80") ?? 0.80;
            var alpha = design.Number("alpha", false, "0.05") ?? 0.05;
            if (icc is < 0 or >= 1) sink.Error(design.PositionOf("icc"), "La corrélation intra-classe (icc) doit être comprise entre 0 (inclus) et 1 (exclu).", "Valeurs usuelles entre écoles : 0.05 à 0.20.");
            if (r2 is < 0 or >= 1) sink.Error(design.PositionOf("covariate_r2"), "La part de variance expliquée par les covariables (covariate_r2) doit être comprise entre 0 (inclus) et 1 (exclu).");
            if (power is <= 0 or >= 1) sink.Error(design.PositionOf("power"), "La puissance visée doit être strictement comprise entre 0 et 1.", "La valeur usuelle est 0.80.");
            if (alpha is <= 0 or >= 1) sink.Error(design.PositionOf("alpha"), "Le risque alpha doit être strictement compris entre 0 et 1.", "La valeur usuelle est 0.05.");
            return new DesignAssumptions(icc, r2, power, alpha);
        }

        private ClusterUnit? ReadCluster(YamlMap map)
        {
            var cluster = map.Map("cluster", false, "la section cluster", "code", "label", "units");
            if (cluster is null) return null;
            var code = cluster.String("code", true, "ecole") ?? "";
            var label = cluster.String("label", true, "École") ?? code;
            var units = ReadList(cluster, "units", false, (unit, _) =>
                new ScaleLabel(ReadCode(unit, "E01"), unit.String("label", true, "\"École A\"") ?? ""));
            foreach (var duplicate in units.GroupBy(u => u.Code).Where(g => g.Count() > 1))
                sink.Error(cluster.PositionOf("units"), $"L'unité « {duplicate.Key} » est déclarée plusieurs fois dans cluster.units.");
            return new ClusterUnit(code, label, units);
        }

        private AnalysisSpec? ReadAnalysis(YamlMap map, int index, ImmutableArray<Group> groups, ClusterUnit? cluster)
        {
            var code = ReadCode(map, "A1");
            var label = map.String("label", true, "\"Effet sur la coopération en fin d'année\"") ?? code;
            var what = $"l'analyse « {code} »";
            var outcomes = map.Codes("outcomes", true);
            foreach (var (indicator, at) in outcomes) references.Add(new Reference(ReferenceKind.Indicator, indicator, at, what));
            var wave = map.String("wave", true, "T2") ?? "";
            if (wave.Length > 0) references.Add(new Reference(ReferenceKind.Wave, wave, map.PositionOf("wave"), what));
            var baseline = map.String("baseline_wave", false);
            if (baseline is not null) references.Add(new Reference(ReferenceKind.Wave, baseline, map.PositionOf("baseline_wave"), what));
            var covariates = map.Has("covariates") ? map.Codes("covariates", false) : [];
            foreach (var (covariate, at) in covariates) references.Add(new Reference(ReferenceKind.Covariate, covariate, at, what));
            var confidence = map.Number("confidence", false, "0.95") ?? 0.95;
            if (confidence is <= 0.5 or >= 1)
                sink.Error(map.PositionOf("confidence"), $"Le niveau de confiance de {what} doit être strictement compris entre 0,5 et 1.", "La valeur usuelle est 0.95 (intervalle à 95 %).");

            var spec = new AnalysisSpec(code, label, [.. outcomes.Select(o => o.Code)], wave, baseline, ReadContrasts(map, what, groups),
                map.Choice("estimator", true, Vocabulary.Estimators) ?? Estimator.DifferenceInMeans,
                [.. covariates.Select(c => c.Code)], confidence,
                map.Choice("multiplicity", false, Vocabulary.Multiplicities) ?? Multiplicity.Holm, map.Position);
            if (map.Has("multiplicity")) declaredMultiplicity[code] = map.PositionOf("multiplicity");
            return ReadAnalysisOptions(map, spec, covariates, cluster);
        }

        private ImmutableArray<ContrastSpec> ReadContrasts(YamlMap map, string what, ImmutableArray<Group> groups)
        {
            var node = map.Node("contrasts", false);
            if (node is null || node is YamlScalarNode { Value: "focal_vs_each" })
            {
                var focal = groups.FirstOrDefault(g => g.Role == GroupRole.Focal);
                return focal is null ? [] : [.. groups.Where(g => g.Role == GroupRole.Comparison).Select(g => new ContrastSpec(focal.Code, g.Code))];
            }
            if (node is YamlScalarNode other)
            {
                sink.Error(ProblemSink.At(node.Start), $"Valeur « {other.Value} » non reconnue pour « contrasts » dans {what}.",
                    "Écrivez « focal_vs_each » (le groupe focal contre chaque groupe de comparaison) ou une liste de { focal: X, comparison: Y }.");
                return [];
            }
            return ReadList(map, "contrasts", false, (contrast, _) =>
            {
                var focal = contrast.String("focal", true, "BEN");
                var comparison = contrast.String("comparison", true, "EAJE");
                if (focal is null || comparison is null) return null;
                references.Add(new Reference(ReferenceKind.FocalGroup, focal, contrast.PositionOf("focal"), what));
                references.Add(new Reference(ReferenceKind.ComparisonGroup, comparison, contrast.PositionOf("comparison"), what));
                return new ContrastSpec(focal, comparison);
            });
        }

        private static bool IsCode(string code) =>
            code.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.');
    }

    internal static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
