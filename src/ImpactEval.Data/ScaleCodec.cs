using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactEval.Core.Model;

namespace ImpactEval.Data;

/// <summary>
/// The canonical text of a scale stored with each indicator, so that a later protocol version can be
/// checked against what the stored numbers mean.
/// </summary>
public static class ScaleCodec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private sealed record Dto(Core.Model.ValueType Type, string? Unit, double? Min, double? Max, LevelDto[]? Levels);

    private sealed record LevelDto(int Value, string Label);

    /// <summary>Serialises a scale to its canonical JSON.</summary>
    public static string Write(Scale scale) => JsonSerializer.Serialize(
        new Dto(scale.Type, scale.Unit, scale.Minimum, scale.Maximum,
            scale.Levels.IsDefaultOrEmpty ? null : [.. scale.Levels.Select(l => new LevelDto(l.Value, l.Label))]), Json);

    /// <summary>Reads a scale from its canonical JSON.</summary>
    public static Scale Read(string text)
    {
        var dto = JsonSerializer.Deserialize<Dto>(text, Json) ?? throw new FormatException("empty scale");
        return new Scale(dto.Type, dto.Unit, dto.Min, dto.Max,
            dto.Levels is null ? ImmutableArray<ScaleLevel>.Empty : [.. dto.Levels.Select(l => new ScaleLevel(l.Value, l.Label))]);
    }

    /// <summary>Short French description for messages ("ordinal, 4 niveaux : 1 = …").</summary>
    public static string Describe(Scale scale) => scale.IsLabelled
        ? $"{scale.Type.ToString().ToLower(CultureInfo.InvariantCulture)} ({scale.DescribeLevels()})"
        : $"{scale.Type.ToString().ToLower(CultureInfo.InvariantCulture)} {scale.DescribeRange()}";
}
