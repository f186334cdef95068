using System.Globalization;

namespace ImpactEval.Core.Text;

/// <summary>Dates as French users write them in files and read them in messages: 15/04/2025, whatever the machine's culture.</summary>
public static class FrenchDate
{
    /// <summary>dd/MM/yyyy.</summary>
    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a whole cell (surrounding white space trimmed) as a real calendar date written JJ/MM/AAAA (day and month may
    /// have one digit: 5/9/2025), JJ-MM-AAAA, JJ.MM.AAAA or ISO AAAA-MM-JJ, the year always with four digits.
    /// </summary>
    /// <remarks>
    /// Anything else is refused: two-digit years, times ("15/09/2025 10:00"), impossible dates (31/02/2025, 29/02/2025),
    /// text around the date. The range of plausible dates (not before 1900, not after today) is the caller's rule.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="date">The date when valid.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var s = text.Trim();
        if (s.Length is < 8 or > 10) return false;
        int day, month, year;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            if (!Number(s[..4], 4, out year) || !Number(s[5..7], 2, out month) || !Number(s[8..], 2, out day)) return false;
        }
        else
        {
            var separator = s.IndexOfAny('/', '-', '.');
            if (separator < 0) return false;
            var first = s[..separator];
            var rest = s[(separator + 1)..];
            var second = rest.IndexOf(s[separator]);
            if (second < 0) return false;
            var exact = s[separator] != '/';
            if (!Number(first, exact ? 2 : 0, out day) || !Number(rest[..second], exact ? 2 : 0, out month) || !Number(rest[(second + 1)..], 4, out year))
                return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>ASCII digits only: exactly <paramref name="digits"/> of them, or 1 or 2 when it is 0.</summary>
    private static bool Number(ReadOnlySpan<char> s, int digits, out int value)
    {
        value = 0;
        if (digits == 0 ? s.Length is < 1 or > 2 : s.Length != digits) return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
