using System.Text.Json;
using ImpactEval.Web.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImpactEval.Web.Security;

/// <summary>
/// The French title and explanation of each error status, shared by the error page (HTML) and the problem details of
/// API answers, so that no error reaches a user empty or in English.
/// </summary>
public static class ErrorMessages
{
    /// <summary>The title and explanation of a status code.</summary>
    public static (string Title, string Detail) For(int status) => status switch
    {
        400 => ("Requête invalide", "La demande n’a pas pu être traitée : le formulaire a peut-être expiré. Rechargez la page et recommencez."),
        401 => ("Connexion requise", "Cette page demande d’être connecté. Connectez-vous, puis recommencez."),
        403 => ("Accès refusé", "Votre rôle ne donne pas accès à cette page. Si vous pensez en avoir besoin, demandez-le à un administrateur."),
        404 => ("Page introuvable", "Cette page n’existe pas, ou n’est pas accessible avec votre compte. Vérifiez l’adresse, ou revenez à l’accueil."),
        405 => ("Méthode non permise", "Cette adresse ne s’utilise pas de cette façon (par exemple un formulaire envoyé à une page qui n’en attend pas)."),
        413 => ("Fichier trop volumineux", "Le fichier dépasse la taille acceptée. Découpez-le, ou demandez à un administrateur d’augmenter la limite."),
        429 => ("Trop de tentatives", "Trop de demandes en peu de temps. Patientez une minute, puis recommencez."),
        500 => ("Erreur du service", "Une erreur inattendue s’est produite ; rien n’a été enregistré. Recommencez ; si l’erreur persiste, prévenez un administrateur."),
        503 => ("Service indisponible", "Le service est momentanément indisponible. Recommencez dans quelques minutes."),
        _ => ("Erreur", $"La demande a échoué (code {status})."),
    };

    /// <summary>Writes a French problem-details body (RFC 9457) for an API answer that has none.</summary>
    public static Task WriteProblemAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (title, detail) = For(status);
        if (status == 404) (title, detail) = ("Ressource introuvable", "Aucune ressource de l’API ne répond à cette adresse, ou elle n’est pas accessible avec cette clé.");
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new ProblemDetails { Status = status, Title = title, Detail = detail }, JsonOptions));
    }

    /// <summary>Whether an error should be answered as problem details rather than as a page.</summary>
    public static bool WantsProblem(HttpContext context) => WebAuthentication.IsApi(context);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
