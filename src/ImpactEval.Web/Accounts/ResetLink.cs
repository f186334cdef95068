namespace ImpactEval.Web.Accounts;

/// <summary>The address of a one-time password-reset link (page <c>/reinitialisation</c>).</summary>
public static class ResetLink
{
    /// <summary>The link for a user's token.</summary>
    /// <param name="baseUrl">The service's address as users open it ("https://impacteval.example.fr").</param>
    /// <param name="userId">The user's key.</param>
    /// <param name="token">The reset token.</param>
    public static string For(string baseUrl, int userId, string token) =>
        $"{baseUrl.TrimEnd('/')}/reinitialisation?compte={userId}&jeton={Uri.EscapeDataString(token)}";
}
