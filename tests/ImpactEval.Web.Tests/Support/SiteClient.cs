using System.Net;
using System.Text.RegularExpressions;

namespace ImpactEval.Web.Tests.Support;

/// <summary>
/// A plain HTTP client on the host that keeps its cookies itself (the session and antiforgery cookies are Secure, which
/// HttpClient's cookie container would not send over loopback HTTP, while browsers do), reads a form's antiforgery
/// token and posts forms: for the checks a browser cannot make (headers, status codes of every route).
/// </summary>
public sealed partial class SiteClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    /// <summary>A client without session, or with the cookies of another client (<see cref="Cookies"/>).</summary>
    public SiteClient(Uri root, IEnumerable<string>? cookies = null)
    {
        http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = root, Timeout = TimeSpan.FromSeconds(120) };
        foreach (var cookie in cookies ?? []) this.cookies[cookie[..cookie.IndexOf('=')]] = cookie[(cookie.IndexOf('=') + 1)..];
    }

    /// <summary>The cookies held, as "name=value".</summary>
    public string[] Cookies => [.. cookies.Select(c => $"{c.Key}={c.Value}")];

    /// <summary>Sends a request with the cookies received so far, and keeps those it sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var equal = pair.IndexOf('=');
                var (name, content) = (pair[..equal], pair[(equal + 1)..]);
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                else cookies[name] = content;
            }
        return response;
    }

    /// <summary>GET.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>The antiforgery token of the first form of the page at <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await (await GetAsync(path)).Content.ReadAsStringAsync();
        return Token().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Posts a form (with the page's antiforgery token unless <paramref name="withToken"/> is false).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var values = fields.ToList();
        if (withToken) values.Add(new("__jeton", await TokenAsync(path)));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) });
    }

    /// <summary>Signs in through the form; true when the host redirected (success).</summary>
    public async Task<bool> SignInAsync(string name, string password)
    {
        var response = await PostFormAsync("/connexion", [new("nom", name), new("motDePasse", password)]);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [GeneratedRegex("name=\"__jeton\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
