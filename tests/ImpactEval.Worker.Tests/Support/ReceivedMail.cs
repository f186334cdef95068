using System.Text;
using System.Text.RegularExpressions;

namespace ImpactEval.Worker.Tests.Support;

/// <summary>A message the SMTP sink received: the envelope, the raw text, and its decoded headers and body.</summary>
/// <param name="From">MAIL FROM address.</param>
/// <param name="Recipients">RCPT TO addresses.</param>
/// <param name="Raw">The DATA section as received (dot-stuffing removed).</param>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Raw)
{
    /// <summary>The headers, unfolded, names lower-cased (the last occurrence wins).</summary>
    public IReadOnlyDictionary<string, string> Headers => ParseHeaders(Raw.Split("\r\n\r\n", 2)[0]);

    /// <summary>The decoded subject (RFC 2047 encoded words).</summary>
    public string Subject => DecodeWords(Headers.GetValueOrDefault("subject", ""));

    /// <summary>The decoded plain-text body (base64, quoted-printable or 7/8 bit).</summary>
    public string Body
    {
        get
        {
            var parts = Raw.Split("\r\n\r\n", 2);
            var body = parts.Length > 1 ? parts[1] : "";
            var encoding = Headers.GetValueOrDefault("content-transfer-encoding", "7bit").Trim().ToLowerInvariant();
            return encoding switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
                "quoted-printable" => QuotedPrintable(body),
                _ => body,
            };
        }
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var line in block.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
                headers[name] += line.TrimStart();
            else if (line.IndexOf(':') is > 0 and var colon)
            {
                name = line[..colon].Trim().ToLowerInvariant();
                headers[name] = line[(colon + 1)..].Trim();
            }
        }
        return headers;
    }

    private static string DecodeWords(string value) => EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), match =>
    {
        var charset = Encoding.GetEncoding(match.Groups["charset"].Value);
        var text = match.Groups["text"].Value;
        return match.Groups["encoding"].Value.ToUpperInvariant() == "B"
            ? charset.GetString(Convert.FromBase64String(text))
            : QuotedPrintable(text.Replace('_', ' '));
    });

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var source = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '=' && i + 2 < source.Length && Uri.IsHexDigit(source[i + 1]) && Uri.IsHexDigit(source[i + 2]))
            {
                bytes.Add(Convert.ToByte(source.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(source[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
