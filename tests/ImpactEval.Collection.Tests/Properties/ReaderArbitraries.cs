using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ImpactEval.Collection.Tests.Properties;

/// <summary>Any finite double, from its bit pattern (every exponent and sign, subnormals included).</summary>
public sealed record AnyDouble(double Value)
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A value as evaluations hold them: up to ±10⁹ with up to 6 decimals.</summary>
public sealed record MeasuredValue(double Value)
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A number of decimals an exporter writes: 0 to 6.</summary>
public sealed record Decimals(int Value);

/// <summary>Any calendar date from 01/01/0001 to 31/12/9999.</summary>
public sealed record AnyDate(DateOnly Value);

/// <summary>The generators of the reader properties (FsCheck finds them by their return type).</summary>
public static class ReaderArbitraries
{
    public static Arbitrary<AnyDouble> AnyDouble() =>
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue), (high, low) => BitConverter.Int64BitsToDouble(((long)high << 32) | (uint)low))
            .Where(double.IsFinite).Select(v => new AnyDouble(v)).ToArbitrary();

    public static Arbitrary<MeasuredValue> MeasuredValue() =>
        (from integer in Gen.Choose(-1_000_000_000, 1_000_000_000)
         from fraction in Gen.Choose(0, 999_999)
         from digits in Gen.Choose(0, 6)
         select integer + Math.Round(fraction / 1e6, digits))
            .Select(v => new MeasuredValue(v)).ToArbitrary();

    public static Arbitrary<Decimals> Decimals() => Gen.Choose(0, 6).Select(d => new Decimals(d)).ToArbitrary();

    public static Arbitrary<AnyDate> AnyDate() =>
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(d => new AnyDate(DateOnly.FromDayNumber(d))).ToArbitrary();
}
