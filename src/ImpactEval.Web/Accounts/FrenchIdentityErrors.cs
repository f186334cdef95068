using Microsoft.AspNetCore.Identity;

namespace ImpactEval.Web.Accounts;

/// <summary>ASP.NET Core Identity's error messages in French (the defaults are English).</summary>
public sealed class FrenchIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inattendue s’est produite.");
    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps : recommencez.");
    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mot de passe incorrect.");
    /// <inheritdoc />
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau à un administrateur.");
    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"Le nom « {userName} » n’est pas valide : lettres, chiffres, point, tiret, souligné ou @.");
    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Un utilisateur « {userName} » existe déjà.");
    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Le mot de passe doit compter au moins {length} caractères.");
    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit compter au moins {uniqueChars} caractères différents.");
    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir un caractère autre qu’une lettre ou un chiffre.");
    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    /// <inheritdoc />
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n’est pas activé pour ce compte.");
}
