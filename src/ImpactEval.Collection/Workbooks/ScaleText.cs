using ImpactEval.Core.Model;
using ImpactEval.Core.Text;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Collection.Workbooks;

/// <summary>French descriptions of a scale for the people who fill a collection workbook.</summary>
internal static class ScaleText
{
    /// <summary>"ordinale (niveaux ordonnés)", "nombre entier (comptage)"…</summary>
    public static string Kind(Scale scale) => scale.Type switch
    {
        ValueType.Continuous => "nombre",
        ValueType.Count => "nombre entier (comptage)",
        ValueType.Binary => "oui / non",
        ValueType.Ordinal => "niveaux ordonnés",
        _ => "catégories",
    };

    /// <summary>What to enter: "Choisissez dans la liste : a, b, c." or "Nombre entre 0 et 100 (%)."</summary>
    public static string WhatToEnter(Scale scale)
    {
        if (scale.IsLabelled)
            return $"Choisissez dans la liste : {string.Join(" ; ", scale.EffectiveLevels.Select(l => l.Label))}.";
        var what = scale.Type == ValueType.Count ? "Nombre entier" : "Nombre";
        var unit = scale.Unit is null ? "" : $" ({scale.Unit})";
        var min = scale.Type == ValueType.Count ? Math.Max(scale.Minimum ?? 0, 0) : scale.Minimum;
        return (min, scale.Maximum) switch
        {
            ({ } a, { } b) => $"{what} entre {Number(a)} et {Number(b)}{unit}.",
            ({ } a, null) => $"{what} supérieur ou égal à {Number(a)}{unit}.",
            (null, { } b) => $"{what} inférieur ou égal à {Number(b)}{unit}.",
            _ => $"{what}{unit}.",
        };
    }

    /// <summary>The levels with their stored values, for the instructions: "Pas du tout impliqué (1) ; Peu impliqué (2)".</summary>
    public static string Levels(Scale scale) =>
        string.Join(" ; ", scale.EffectiveLevels.Select(l => $"{l.Label} ({l.Value})"));

    /// <summary>A number in French ("12,5").</summary>
    public static string Number(double value) => FrenchNumber.Plain(value);
}
