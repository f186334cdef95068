using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using ImpactEval.Reporting.Formatting;
using ImpactEval.Reporting.Model;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Renders Handlebars templates strictly: an unknown field, helper or partial, or an unbalanced block, stops the
/// rendering with a <see cref="TemplateException"/> naming the file, line, column and field — never a silently
/// empty report. Registers the French helpers (see docs/report-model.md): <c>nombre</c>, <c>entier</c>,
/// <c>pourcentage</c>, <c>date</c>, <c>intervalle</c>, <c>valeur_p</c>, <c>interpretation</c>. Thread-safe; compiled
/// templates are cached (a template file changed on disk is compiled again).
/// </summary>
public sealed partial class TemplateEngine
{
    private readonly ConcurrentDictionary<string, Compiled> cache = new(StringComparer.Ordinal);

    /// <summary>Creates an engine over a templates directory (its <c>partials/</c> folder holds the shared partials).</summary>
    /// <param name="templatesDirectory">The templates directory (see <see cref="TemplateLocator.ResolveDirectory"/>).</param>
    public TemplateEngine(string templatesDirectory) => Directory = Path.GetFullPath(templatesDirectory);

    /// <summary>The templates directory.</summary>
    public string Directory { get; }

    /// <summary>Renders a template on a model.</summary>
    /// <param name="nameOrPath">Template name ("rapport-cohorte") or path to a .hbs file.</param>
    /// <param name="model">The model (a <see cref="ReportModel"/> or a national synthesis model).</param>
    /// <exception cref="TemplateException">The template has a problem (French message with file, line and field).</exception>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    public string Render(string nameOrPath, object model)
    {
        var path = TemplateLocator.ResolveTemplate(nameOrPath, Directory);
        var compiled = Compile(path);
        try
        {
            return compiled.Template(model);
        }
        catch (TemplateException)
        {
            throw;
        }
        catch (Exception e) when (e is HelperArgumentException || e.GetType().Namespace?.StartsWith("HandlebarsDotNet", StringComparison.Ordinal) == true)
        {
            throw new TemplateException(Explain(e, compiled, model.GetType()), e);
        }
    }

    /// <summary>Compiles a template and its partials, checking block structure first (cached).</summary>
    private Compiled Compile(string path)
    {
        var partialDirectories = new List<string>();
        var own = Path.Combine(Path.GetDirectoryName(path)!, "partials");
        if (System.IO.Directory.Exists(own)) partialDirectories.Add(own);
        var shared = Path.Combine(Directory, "partials");
        if (System.IO.Directory.Exists(shared) && !partialDirectories.Contains(shared, StringComparer.Ordinal)) partialDirectories.Add(shared);
        var files = new List<string> { path };
        var partialFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in partialDirectories)
            foreach (var file in System.IO.Directory.GetFiles(dir, "*" + TemplateLocator.Extension).Order(StringComparer.Ordinal))
                partialFiles.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        files.AddRange(partialFiles.Values);
        var stamp = string.Join("|", files.Select(f => f + "@" + File.GetLastWriteTimeUtc(f).Ticks + ":" + new FileInfo(f).Length));
        if (cache.TryGetValue(path, out var cached) && cached.Stamp == stamp) return cached;

        var main = new TemplateSource(Path.GetFileName(path), File.ReadAllText(path));
        var partials = partialFiles.Select(p => new TemplateSource("partials/" + Path.GetFileName(p.Value), File.ReadAllText(p.Value))).ToList();
        var structure = main.CheckStructure().Concat(partials.SelectMany(p => p.CheckStructure())).ToList();
        if (structure.Count > 0) throw new TemplateException(structure[0]);

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        RegisterHelpers(handlebars);
        try
        {
            foreach (var (name, file) in partialFiles) handlebars.RegisterTemplate(name, File.ReadAllText(file));
            var template = handlebars.Compile(main.Text);
            var compiled = new Compiled(stamp, main, partials, template);
            cache[path] = compiled;
            return compiled;
        }
        catch (Exception e) when (e.GetType().Namespace?.StartsWith("HandlebarsDotNet", StringComparison.Ordinal) == true)
        {
            throw new TemplateException(Explain(e, new Compiled(stamp, main, partials, (_, _) => ""), typeof(object)), e);
        }
    }

    private sealed record Compiled(string Stamp, TemplateSource Main, List<TemplateSource> Partials, HandlebarsTemplate<object, object> Template);

    /// <summary>Turns a Handlebars error into a French problem with the place where the name at fault is used.</summary>
    private static TemplateProblem Explain(Exception e, Compiled compiled, Type modelType)
    {
        var sources = new List<TemplateSource> { compiled.Main };
        sources.AddRange(compiled.Partials);
        (TemplateSource Source, TemplateSource.Tag Tag)? Locate(string name, char? kind = null)
        {
            foreach (var source in sources)
                if (source.Find(name, kind) is { } tag) return (source, tag);
            return null;
        }
        TemplateProblem At(string name, string message, char? kind = null) =>
            Locate(name, kind) is { } found
                ? new TemplateProblem(found.Source.File, found.Tag.Line, found.Tag.Column, name, message)
                : new TemplateProblem(compiled.Main.File, 0, 0, name, message);

        switch (e)
        {
            case HelperArgumentException h:
                return At(h.Helper, h.Message, null);
            case HandlebarsUndefinedBindingException u:
            {
                var name = string.IsNullOrEmpty(u.MissingKey) ? u.Path : u.MissingKey;
                if (KnownHelpers.Contains(name) is false && LooksLikeHelperCall(sources, name))
                    return At(name, $"« {name} » n'est ni un champ du modèle ni un helper connu. Helpers disponibles : {string.Join(", ", KnownHelpers)}.");
                var suggestion = Closest(name, FieldNames(modelType));
                var hint = suggestion is null ? " Consultez docs/report-model.md pour la liste des champs." : $" Vouliez-vous dire « {suggestion} » ?";
                return At(name, $"le champ « {name} » n'existe pas à cet endroit du modèle de rapport (ou il est vide : entourez-le de {{{{#if …}}}}).{hint}");
            }
            default:
            {
                var partial = PartialPattern().Match(e.Message);
                if (partial.Success)
                {
                    var name = partial.Groups[1].Value;
                    return At(name, $"le modèle partiel « {name} » est introuvable (fichier partials/{name}.hbs).", '>');
                }
                var block = BlockPattern().Match(e.Message);
                if (block.Success)
                {
                    var name = block.Groups[1].Value;
                    return At(name, $"le bloc « {name} » est mal formé : {e.Message}");
                }
                return new TemplateProblem(compiled.Main.File, 0, 0, null, "le modèle ne peut pas être lu : " + e.Message);
            }
        }
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

    private static bool LooksLikeHelperCall(List<TemplateSource> sources, string name) =>
        sources.SelectMany(s => s.Tags).Any(t => t.Kind is ' ' or '#' or '&' && t.Body.Split(' ', 2)[0] == name && t.Body.Contains(' '));

    private static readonly ConcurrentDictionary<Type, ImmutableArray<string>> FieldNameCache = new();

    /// <summary>Every property name reachable from a model type (for "did you mean" hints).</summary>
    internal static ImmutableArray<string> FieldNames(Type root) => FieldNameCache.GetOrAdd(root, static t =>
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([t]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type.Namespace is null || !type.Namespace.StartsWith("ImpactEval", StringComparison.Ordinal)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.Name == "EqualityContract") continue;
                names.Add(property.Name);
                var pt = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (pt.IsGenericType) foreach (var arg in pt.GetGenericArguments()) queue.Enqueue(arg);
                queue.Enqueue(pt);
            }
        }
        return [.. names];
    });

    /// <summary>Names of the helpers every template can use.</summary>
    public static readonly ImmutableArray<string> KnownHelpers = ["nombre", "entier", "pourcentage", "date", "intervalle", "valeur_p", "interpretation"];

    private static void RegisterHelpers(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("nombre", (writer, _, args) =>
        {
            Arity("nombre", args, 1, 2);
            writer.Write(Value("nombre", args[0]) is { } v ? French.Number(v, args.Length > 1 ? Int("nombre", args[1]) : 1) : French.NotAvailable);
        });
        handlebars.RegisterHelper("entier", (writer, _, args) =>
        {
            Arity("entier", args, 1, 1);
            writer.Write(Value("entier", args[0]) is { } v ? French.Number(v, 0) : French.NotAvailable);
        });
        handlebars.RegisterHelper("pourcentage", (writer, _, args) =>
        {
            Arity("pourcentage", args, 1, 2);
            writer.Write(Value("pourcentage", args[0]) is { } v ? French.Percent(v, args.Length > 1 ? Int("pourcentage", args[1]) : 1) : French.NotAvailable);
        });
        handlebars.RegisterHelper("date", (writer, _, args) =>
        {
            Arity("date", args, 1, 1);
            writer.Write(args[0] switch
            {
                null => French.NotAvailable,
                DateOnly d => French.Date(d),
                DateTimeOffset o => French.Date(o),
                DateTime dt => French.Date(DateOnly.FromDateTime(dt)),
                string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var parsed) => French.Date(parsed),
                var other => throw new HelperArgumentException("date", $"le helper « date » attend une date, il a reçu « {other} ».")
            });
        });
        handlebars.RegisterHelper("intervalle", (writer, _, args) =>
        {
            Arity("intervalle", args, 3, 4);
            var (e, l, u) = (Value("intervalle", args[0]), Value("intervalle", args[1]), Value("intervalle", args[2]));
            writer.Write(e is null ? French.NotAvailable : French.Interval(e.Value, l ?? double.NaN, u ?? double.NaN, args.Length > 3 ? Int("intervalle", args[3]) : 2));
        });
        handlebars.RegisterHelper("valeur_p", (writer, _, args) =>
        {
            Arity("valeur_p", args, 1, 1);
            writer.Write(Value("valeur_p", args[0]) is { } p ? French.PValue(p) : "p" + French.Space + French.NotAvailable);
        });
        handlebars.RegisterHelper("interpretation", (writer, _, args) =>
        {
            Arity("interpretation", args, 1, 1);
            writer.Write(args[0] is ContrastView c
                ? c.Interpretation
                : throw new HelperArgumentException("interpretation", "le helper « interpretation » attend un contraste (un élément de Contrasts)."));
        });
    }

    private static void Arity(string helper, Arguments args, int min, int max)
    {
        if (args.Length < min || args.Length > max)
            throw new HelperArgumentException(helper, min == max
                ? $"le helper « {helper} » attend {min} argument{(min > 1 ? "s" : "")}, il en a reçu {args.Length}."
                : $"le helper « {helper} » attend de {min} à {max} arguments, il en a reçu {args.Length}.");
    }

    private static double? Value(string helper, object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? d : null,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when ImpactEval.Core.Text.FrenchNumber.TryParse(s, out var parsed) => parsed,
        _ => throw new HelperArgumentException(helper, $"le helper « {helper} » attend un nombre, il a reçu « {value} ».")
    };

    private static int Int(string helper, object? value) =>
        Value(helper, value) is { } v && v >= 0 && v <= 6 && Math.Floor(v) == v
            ? (int)v
            : throw new HelperArgumentException(helper, $"le nombre de décimales du helper « {helper} » doit être un entier de 0 à 6, il a reçu « {value} ».");

    [GeneratedRegex("partial name '([^']+)'")]
    private static partial Regex PartialPattern();

    [GeneratedRegex("(?:block expression|element) '/?([^']+)'")]
    private static partial Regex BlockPattern();
}

/// <summary>A helper received arguments it cannot use.</summary>
internal sealed class HelperArgumentException(string helper, string message) : Exception(message)
{
    public string Helper { get; } = helper;
}
