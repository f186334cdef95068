using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Parlot.Fluent;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Renders Liquid report templates with Fluid, strictly and within a budget. A template keeps to the Liquid subset
/// that Scriban's Liquid mode also reads (docs/report-model.md); it reaches only the report model's fields (an
/// unknown field, filter or partial, or an unbalanced block, stops the rendering with a <see cref="TemplateException"/>
/// naming the file, line, column and field — never a silently empty report); and one rendering may not exceed its
/// <see cref="RenderBudget"/>. Registers the French filters of <see cref="FrenchFilters"/>. Thread-safe; a template
/// and its partials are compiled once and cached (a template file changed on disk is compiled again).
/// </summary>
public sealed partial class TemplateEngine
{
    /// <summary>The name of the place-marker tag the engine adds before each tag of a template (never written by hand).</summary>
    internal const string PlaceTag = "impacteval_place";

    private static readonly FluidParser Parser = CreateParser();

    private readonly ConcurrentDictionary<string, Compiled> cache = new(StringComparer.Ordinal);

    /// <summary>Creates an engine over a templates directory (its <c>partials/</c> folder holds the shared partials).</summary>
    /// <param name="templatesDirectory">The templates directory (see <see cref="TemplateLocator.ResolveDirectory"/>).</param>
    /// <param name="budget">The render budget; null for <see cref="RenderBudget.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The budget allows fewer than 2 levels of nesting or no step (Fluid reads 0 as "no limit").</exception>
    public TemplateEngine(string templatesDirectory, RenderBudget? budget = null)
    {
        Directory = Path.GetFullPath(templatesDirectory);
        Budget = budget ?? RenderBudget.Default;
        if (Budget.MaxDepth < 2 || Budget.MaxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(budget), "A render budget allows at least 2 levels of nesting and 1 step.");
    }

    /// <summary>The templates directory.</summary>
    public string Directory { get; }

    /// <summary>The budget of every rendering.</summary>
    public RenderBudget Budget { get; }

    /// <summary>Names of the project's French filters (see docs/report-model.md).</summary>
    public static ImmutableArray<string> KnownFilters => FrenchFilters.Names;

    /// <summary>Every filter a template may use: the project's and the standard Liquid ones that Scriban also knows.</summary>
    public static ImmutableArray<string> AllowedFilters { get; } = [.. FrenchFilters.Names, .. FrenchFilters.StandardNames];

    /// <summary>Renders a template on a model.</summary>
    /// <param name="nameOrPath">Template name ("rapport-cohorte") or path to a .liquid file.</param>
    /// <param name="model">The model (a <see cref="Model.ReportModel"/> or a <see cref="National.NationalSynthesisModel"/>).</param>
    /// <exception cref="TemplateException">The template has a problem or went over its budget (French message with file, line and field).</exception>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    public string Render(string nameOrPath, object model) => Render(nameOrPath, model, collectProblems: false);

    /// <summary>
    /// Renders a template, collecting every field problem instead of stopping at the first when
    /// <paramref name="collectProblems"/> is set (what <see cref="TemplateChecker"/> does).
    /// </summary>
    internal string Render(string nameOrPath, object model, bool collectProblems)
    {
        if (!ModelValues.Roots.Contains(model.GetType()))
            throw new ArgumentException($"A report template renders a {string.Join(" or ", ModelValues.Roots.Select(t => t.Name))}, not a {model.GetType().Name}.", nameof(model));
        var path = TemplateLocator.ResolveTemplate(nameOrPath, Directory);
        var compiled = Compile(path);
        var context = new RenderContext(model, compiled.Options, Budget, collectProblems);
        var writer = new BudgetedWriter(context);
        try
        {
            var rendering = compiled.Template.RenderAsync(writer, MarkupEncoder.Instance, context);
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
        }
        catch (TemplateFieldException e)
        {
            throw new TemplateException(compiled.At(context.Place, e.Field, e.Message), e);
        }
        catch (RenderBudgetException e)
        {
            throw new TemplateException(compiled.At(context.Place, null, e.Message), e);
        }
        catch (InvalidOperationException e) when (context.Steps > Budget.MaxSteps)
        {
            throw new TemplateException(compiled.At(context.Place, null,
                $"rendu interrompu : le modèle dépasse {Budget.MaxSteps.ToString("N0", French)} étapes de calcul (boucles imbriquées sur de longues listes ?). " +
                "Réduisez l’imbrication des boucles « for » autour de cette balise."), e);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("recursion", StringComparison.Ordinal))
        {
            throw new TemplateException(compiled.At(context.Place, null,
                $"rendu interrompu : plus de {Budget.MaxDepth} niveaux imbriqués de boucles « for » et de modèles partiels (« include ») à cette balise. " +
                "Réduisez l’imbrication (un modèle partiel qui s’inclut lui-même ne s’arrête jamais)."), e);
        }
        catch (Exception e) when (e is FluidException or ParseException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new TemplateException(compiled.At(context.Place, null, "cette balise ne peut pas être rendue : vérifiez les champs et les filtres qu’elle utilise (docs/report-model.md)."), e);
        }
        if (context.Problems.Count > 0)
            throw new TemplateException([.. context.Problems.Select(p => compiled.At(p.Place, p.Problem.Field, p.Problem.Message)).Distinct()]);
        return writer.ToString();
    }

    /// <summary>Compiles a template and every partial it includes, after checking their language (cached).</summary>
    private Compiled Compile(string path)
    {
        var partialFiles = PartialFiles(path);
        var stamp = string.Join("|", new[] { path }.Concat(partialFiles.Values).Select(f => f + "@" + File.GetLastWriteTimeUtc(f).Ticks + ":" + new FileInfo(f).Length));
        if (cache.TryGetValue(path, out var cached) && cached.Stamp == stamp) return cached;

        var places = new List<(TemplateSource Source, TemplateSource.Tag Tag)>();
        var problems = new List<TemplateProblem>();
        var main = new TemplateSource(Path.GetFileName(path), File.ReadAllText(path));
        var template = Parse(main, places, problems);
        var partials = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var pending = new Queue<TemplateSource>([main]);
        while (pending.Count > 0)
        {
            var source = pending.Dequeue();
            foreach (var (name, tag) in source.Includes)
            {
                if (partials.ContainsKey(name)) continue;
                if (!partialFiles.TryGetValue(name, out var file))
                {
                    problems.Add(source.At(tag, name, $"le modèle partiel « {name} » est introuvable (fichier partials/{name}{TemplateLocator.Extension})."));
                    continue;
                }
                var partial = new TemplateSource("partials/" + Path.GetFileName(file), File.ReadAllText(file));
                partials[name] = Parse(partial, places, problems) ?? new Fluid.Parser.FluidTemplate();
                pending.Enqueue(partial);
            }
        }
        if (problems.Count > 0 || template is null) throw new TemplateException([.. problems.Distinct()]);

        var options = CreateOptions(new PartialSet(partials));
        var compiled = new Compiled(stamp, main, template, options, [.. places]);
        cache[path] = compiled;
        return compiled;
    }

    /// <summary>
    /// Checks a template's language and parses it twice: as written (so that a syntax error is placed where the author
    /// sees it) and with its place markers (what renders). Returns null when it has problems.
    /// </summary>
    private IFluidTemplate? Parse(TemplateSource source, List<(TemplateSource, TemplateSource.Tag)> places, List<TemplateProblem> problems)
    {
        var found = source.Check(AllowedFilters);
        if (found.Count > 0)
        {
            problems.AddRange(found);
            return null;
        }
        if (!Parser.TryParse(source.Text, out var plain, out var error))
        {
            problems.Add(SyntaxProblem(source, error));
            return null;
        }
        var first = places.Count;
        var marked = source.WithPlaceMarkers(tag =>
        {
            places.Add((source, tag));
            return places.Count - 1;
        });
        if (Parser.TryParse(marked, out var template, out _)) return template;
        places.RemoveRange(first, places.Count - first);
        return plain;
    }

    /// <summary>A Fluid syntax error, placed and said in French.</summary>
    private static TemplateProblem SyntaxProblem(TemplateSource source, string error)
    {
        var at = ErrorPlace().Match(error);
        var (line, column) = at.Success ? (int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, CultureInfo.InvariantCulture)) : (0, 0);
        var message = error switch
        {
            _ when error.StartsWith("End of tag '}}' was expected", StringComparison.Ordinal) =>
                "cette balise « {{ … }} » est mal écrite : « }} » était attendu ici (un filtre s'écrit « | nom » et ses arguments « | nom: 1, 2 »).",
            _ when error.StartsWith("Invalid '", StringComparison.Ordinal) =>
                $"la balise « {error.Split('\'')[1]} » est mal écrite ; voir ses formes permises dans docs/report-model.md.",
            _ => "la syntaxe Liquid de cette balise n’est pas reconnue (guillemets, « | » des filtres, opérateurs == != < > <= >= and or contains).",
        };
        return new TemplateProblem(source.File, line, column, null, message);
    }

    /// <summary>The partials a template can include by name: its own <c>partials/</c> folder first, then the templates directory's.</summary>
    private Dictionary<string, string> PartialFiles(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in new[] { Path.Combine(Path.GetDirectoryName(path)!, "partials"), Path.Combine(Directory, "partials") }.Distinct(StringComparer.Ordinal))
            if (System.IO.Directory.Exists(dir))
                foreach (var file in System.IO.Directory.GetFiles(dir, "*" + TemplateLocator.Extension).Order(StringComparer.Ordinal))
                    files.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        return files;
    }

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false, AllowLiquidTag = false });
        parser.RegisterParserTag(PlaceTag, Parsers.Terms.Integer(), static (place, _, _, context) =>
        {
            RenderContext.Of(context).Reach((int)place);
            return new ValueTask<Completion>(Completion.Normal);
        });
        return parser;
    }

    private TemplateOptions CreateOptions(PartialSet partials)
    {
        var options = new TemplateOptions
        {
            FileProvider = partials,
            TemplateCache = partials,
            MemberAccessStrategy = new DefaultMemberAccessStrategy(),
            MaxSteps = Budget.MaxSteps,
            MaxRecursion = Budget.MaxDepth - 1,
            CultureInfo = French,
            ModelNamesComparer = StringComparer.Ordinal,
        };
        options.ValueConverters.Add(value => ModelValues.Convert(value, options));
        FrenchFilters.Register(options.Filters);
        return options;
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A template compiled with its partials, its options and the place of each of its markers.</summary>
    private sealed record Compiled(string Stamp, TemplateSource Main, IFluidTemplate Template, TemplateOptions Options,
        ImmutableArray<(TemplateSource Source, TemplateSource.Tag Tag)> Places)
    {
        /// <summary>A problem at a place marker (the template file itself when no marker was reached).</summary>
        public TemplateProblem At(int place, string? field, string message) =>
            place >= 0 && place < Places.Length
                ? Places[place].Source.At(Places[place].Tag, field, message)
                : new TemplateProblem(Main.File, 0, 0, field, message);
    }

    /// <summary>The field name closest to a typo (optimal string alignment distance, so "Titel" finds "Title"), or null.</summary>
    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        var key = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key, candidate.ToLowerInvariant());
            if (distance < bestDistance) { best = candidate; bestDistance = distance; }
        }
        return bestDistance <= Math.Max(1, Math.Min(3, key.Length / 3)) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Every field name a template can reach from a model type (for documentation and hints).</summary>
    internal static ImmutableArray<string> FieldNames(Type root) => [.. ModelValues.FieldNames(root).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every field name of every model type.</summary>
    internal static ImmutableArray<string> AllFieldNames { get; } = [.. ModelValues.Roots.SelectMany(root => FieldNames(root)).Distinct()];

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ErrorPlace();
}
