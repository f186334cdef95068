using ImpactEval.Web.Authorization;

namespace ImpactEval.Web.Pages;

/// <summary>The breadcrumb and sub-navigation of a cité's or a protocol's pages, filtered by the caller's permissions.</summary>
/// <param name="Cite">The cité (and protocol) of the page.</param>
/// <param name="Section">The current section ("tableau", "journal", "protocole", "cohorte", "saisie", "import", "resultats", "version").</param>
public sealed record NavigationCite(CiteContext Cite, string Section);
