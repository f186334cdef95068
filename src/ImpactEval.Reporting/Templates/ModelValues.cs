using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using ImpactEval.Reporting.Model;
using ImpactEval.Reporting.National;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The member-access allow-list of report templates: a template reaches only the public properties of the report
/// model's own records (those reachable from <see cref="ReportModel"/> and <see cref="NationalSynthesisModel"/>),
/// strings, numbers, booleans, dates and lists of them — never an arbitrary .NET object by reflection. Every model
/// object becomes a <see cref="ModelObjectValue"/>: asking it for a field it does not have is an error (Fluid alone
/// would print nothing), and a field that is null can be tested (<c>{% if Balance %}</c>) but not entered.
/// </summary>
internal static class ModelValues
{
    /// <summary>The model types a template may be rendered on.</summary>
    public static readonly ImmutableArray<Type> Roots = [typeof(ReportModel), typeof(NationalSynthesisModel)];

    /// <summary>The allowed record types, each with its readable properties by name.</summary>
    private static readonly Lazy<IReadOnlyDictionary<Type, ModelType>> Allowed = new(() =>
    {
        var types = new Dictionary<Type, ModelType>();
        var queue = new Queue<Type>(Roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (types.ContainsKey(type) || !IsModelNamespace(type) || type.IsEnum) continue;
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0).ToList();
            types[type] = new ModelType(type, properties);
            foreach (var property in properties)
            {
                var pt = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (pt.IsGenericType) foreach (var arg in pt.GetGenericArguments()) queue.Enqueue(arg);
                queue.Enqueue(pt);
            }
        }
        return types;
    });

    /// <summary>Every field name of the allowed types reachable from a root type (for documentation and hints).</summary>
    public static IEnumerable<string> FieldNames(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || !Allowed.Value.TryGetValue(type, out var model)) continue;
            foreach (var name in model.FieldNames)
            {
                yield return name;
                var pt = Nullable.GetUnderlyingType(model.FieldType(name)!) ?? model.FieldType(name)!;
                if (pt.IsGenericType) foreach (var arg in pt.GetGenericArguments()) queue.Enqueue(arg);
                queue.Enqueue(pt);
            }
        }
    }

    /// <summary>Whether a type is one of the model records.</summary>
    public static bool IsModelType(Type type) => Allowed.Value.ContainsKey(type);

    /// <summary>
    /// The value converter of the template options: the first, and the only one, so that no CLR object reaches Fluid's
    /// own reflection. Numbers that a decimal cannot hold (NaN, infinities) become nil.
    /// </summary>
    public static object? Convert(object value, TemplateOptions options) => value switch
    {
        string or bool or int or long or decimal or DateTimeOffset or FluidValue => null,
        double d => double.IsFinite(d) && Math.Abs(d) < 7.9e27 ? NumberValue.Create((decimal)d) : NilValue.Instance,
        float f => Convert((double)f, options),
        DateOnly date => new DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        Enum e => new StringValue(e.ToString()),
        IEnumerable list => new ArrayValue(list.Cast<object?>().Select(item => FluidValue.Create(item, options)).ToArray()),
        _ when Allowed.Value.TryGetValue(value.GetType(), out var type) => new ModelObjectValue(value, type),
        _ => new StringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static bool IsModelNamespace(Type type) =>
        type.Namespace is "ImpactEval.Reporting.Model" or "ImpactEval.Reporting.National";

    /// <summary>A model record type and its readable fields by name.</summary>
    public sealed class ModelType
    {
        private readonly Dictionary<string, (PropertyInfo Property, PropertyInfo? IsDefault)> fields;

        /// <summary>Describes a record type.</summary>
        public ModelType(Type type, IEnumerable<PropertyInfo> properties)
        {
            Type = type;
            fields = properties.ToDictionary(p => p.Name, p => (p,
                p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                    ? p.PropertyType.GetProperty(nameof(ImmutableArray<int>.IsDefault))
                    : null), StringComparer.Ordinal);
        }

        /// <summary>The record type.</summary>
        public Type Type { get; }

        /// <summary>The field names, in declaration order.</summary>
        public IEnumerable<string> FieldNames => fields.Keys;

        /// <summary>The type of a field, or null when the record has no such field.</summary>
        public Type? FieldType(string name) => fields.TryGetValue(name, out var f) ? f.Property.PropertyType : null;

        /// <summary>Reads a field; a default (uninitialised) immutable array reads as an empty list.</summary>
        /// <returns>False when the record has no such field.</returns>
        public bool TryRead(object target, string name, out object? value)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                value = null;
                return false;
            }
            value = field.Property.GetValue(target);
            if (field.IsDefault is not null && (bool)field.IsDefault.GetValue(value)!) value = Array.Empty<object>();
            return true;
        }
    }
}

/// <summary>A record of the report model seen by a template: its fields by name, strictly.</summary>
internal sealed class ModelObjectValue(object value, ModelValues.ModelType type) : ObjectValueBase(value)
{
    /// <summary>The record's type.</summary>
    public ModelValues.ModelType ModelType { get; } = type;

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (!ModelType.TryRead(Value, name, out var read))
            return new ValueTask<FluidValue>(RenderContext.Of(context).UnknownField(name, ModelType));
        return new ValueTask<FluidValue>(read is null ? new AbsentValue(name) : Create(read, context.Options));
    }

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    /// <summary>A section printed whole is an error: a template prints its fields.</summary>
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => throw NotAText();

    /// <summary>A section used as a text (by a filter) is an error too.</summary>
    public override string ToStringValue() => throw NotAText();

    private TemplateFieldException NotAText() => new(ModelType.Type.Name,
        $"cette valeur est une partie du modèle ({ModelType.Type.Name}), pas un texte : affichez l’un de ses champs ({string.Join(", ", ModelType.FieldNames.Take(6))}…).");
}

/// <summary>
/// A field of the model that is null here (an optional section absent from these results): false in a condition,
/// empty when printed, an empty list in a loop, n.d. through the French filters — and an error when a template
/// reads a field inside it without testing it first (<c>{{ Balance.Summary }}</c> outside <c>{% if Balance %}</c>).
/// </summary>
internal sealed class AbsentValue(string name) : FluidValue
{
    /// <summary>The field that is null.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public override FluidValues Type => FluidValues.Nil;

    /// <inheritdoc />
    public override bool Equals(FluidValue other) => other.IsNil() || other is AbsentValue || other == EmptyValue.Instance || other == BlankValue.Instance;

    /// <inheritdoc />
    public override bool ToBooleanValue() => false;

    /// <inheritdoc />
    public override decimal ToNumberValue() => 0;

    /// <inheritdoc />
    public override string ToStringValue() => "";

    /// <inheritdoc />
    public override object ToObjectValue() => null!;

    /// <summary>Prints nothing.</summary>
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        new(RenderContext.Of(context).AbsentSection(Name, name));

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
