using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImpactEval.Data;

/// <summary>
/// The one place where the database errors a user can meet become French sentences saying what happened and what to
/// do — never the provider's English text (which stays available with IMPACTEVAL_DEBUG=1).
/// </summary>
/// <remarks>
/// Looks through the exception and its causes for a PostgreSQL error (by SQLSTATE), an Npgsql connection failure
/// (refused, unknown host, timeout), a SQLite error (by result code: busy, locked, read-only, disk full, corrupt…) or an
/// EF Core concurrency conflict. Every such error ends the operation it interrupted without writing: imports, erasures
/// and corrections run in one transaction.
/// </remarks>
public static class StoreErrors
{
    private const string Interrupted = "l’opération interrompue n’a rien écrit";

    /// <summary>The French explanation of <paramref name="exception"/> when it is (or is caused by) a database error; null otherwise.</summary>
    /// <param name="exception">Any exception.</param>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres: return Postgres(postgres);
                case SqliteException sqlite: return Sqlite(sqlite);
                case DbUpdateConcurrencyException:
                    return $"Ces données ont été modifiées ou effacées par une autre opération au même moment\u202F: {Interrupted}. Relancez la commande.";
                case NpgsqlException npgsql: return Connection(npgsql);
            }
        }
        return null;
    }

    private static string Postgres(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation =>
            $"Une autre opération a enregistré les mêmes données au même moment (contrainte d’unicité «\u202F{e.ConstraintName}\u202F»)\u202F: {Interrupted}. " +
            "Relancez la commande\u202F: elle retrouvera ce qui est déjà enregistré.",
        PostgresErrorCodes.ForeignKeyViolation =>
            $"Des données liées ont changé pendant l’opération (par exemple un participant effacé au même moment)\u202F: {Interrupted}. Relancez la commande.",
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected =>
            $"L’opération est entrée en conflit avec une autre, menée au même moment\u202F: {Interrupted}. Relancez la commande.",
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled => Busy,
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            "PostgreSQL a refusé la connexion (authentification)\u202F: vérifiez l’utilisateur et le mot de passe de Store:ConnectionString (ou IMPACTEVAL_Store__ConnectionString).",
        PostgresErrorCodes.InvalidCatalogName =>
            "La base PostgreSQL désignée par Store:ConnectionString n’existe pas\u202F: créez-la (createdb) ou corrigez son nom (Database=…).",
        PostgresErrorCodes.TooManyConnections =>
            "Le serveur PostgreSQL refuse de nouvelles connexions (trop de connexions ouvertes)\u202F: réessayez dans quelques minutes, ou augmentez max_connections.",
        PostgresErrorCodes.DiskFull => DiskFull,
        PostgresErrorCodes.ReadOnlySqlTransaction =>
            $"Le serveur PostgreSQL n’accepte que des lectures (serveur secondaire ou base en lecture seule)\u202F: {Interrupted}. Pointez Store:ConnectionString vers le serveur principal.",
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow =>
            $"Le serveur PostgreSQL s’arrête ou redémarre\u202F: {Interrupted}. Relancez la commande quand il est de nouveau disponible.",
        _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) =>
            $"La connexion au serveur PostgreSQL a été perdue\u202F: {Interrupted}. Relancez la commande.",
        _ => $"Le serveur PostgreSQL a refusé l’opération (code SQLSTATE {e.SqlState})\u202F: {Interrupted}. Relancez avec IMPACTEVAL_DEBUG=1 pour le détail technique.",
    };

    private static string Connection(NpgsqlException e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException) return Busy;
            if (inner is SocketException socket)
                return socket.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                    ? "Le serveur PostgreSQL de Store:ConnectionString est introuvable (nom d’hôte inconnu)\u202F: corrigez Host=… dans la chaîne de connexion."
                    : "Impossible de joindre le serveur PostgreSQL\u202F: vérifiez qu’il est démarré et que Store:ConnectionString (ou IMPACTEVAL_Store__ConnectionString) désigne le bon hôte et le bon port.";
        }
        return $"La connexion au serveur PostgreSQL a échoué\u202F: {Interrupted}. Vérifiez que le serveur est joignable, puis relancez la commande.";
    }

    private static string Sqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => // SQLITE_BUSY, SQLITE_LOCKED
            $"La base SQLite est verrouillée par une autre opération (un import, un calcul ou le service) depuis trop longtemps\u202F: {Interrupted}. " +
            "Attendez qu’elle se termine, puis relancez la commande.",
        8 => // SQLITE_READONLY
            $"La base SQLite est en lecture seule\u202F: {Interrupted}. Vérifiez que le compte qui lance ImpactEval peut écrire dans le fichier impacteval.db et dans son dossier.",
        13 => DiskFull, // SQLITE_FULL
        14 => // SQLITE_CANTOPEN
            "Impossible d’ouvrir la base SQLite\u202F: vérifiez que le dossier de données existe et que le compte qui lance ImpactEval peut y lire et y écrire.",
        10 => // SQLITE_IOERR
            $"Erreur d’écriture ou de lecture sur le fichier de la base SQLite (disque plein ou défaillant, droits)\u202F: {Interrupted}. Vérifiez le disque, puis relancez.",
        11 or 26 => // SQLITE_CORRUPT, SQLITE_NOTADB
            "Le fichier de la base SQLite est endommagé ou n’est pas une base ImpactEval\u202F: restaurez la dernière sauvegarde (et gardez le fichier endommagé pour analyse).",
        19 when e.SqliteExtendedErrorCode is 2067 or 1555 => // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
            $"Une autre opération a enregistré les mêmes données au même moment\u202F: {Interrupted}. Relancez la commande\u202F: elle retrouvera ce qui est déjà enregistré.",
        19 when e.SqliteExtendedErrorCode == 787 => // SQLITE_CONSTRAINT_FOREIGNKEY
            $"Des données liées ont changé pendant l’opération (par exemple un participant effacé au même moment)\u202F: {Interrupted}. Relancez la commande.",
        _ => $"La base SQLite a refusé l’opération (code {e.SqliteErrorCode})\u202F: {Interrupted}. Relancez avec IMPACTEVAL_DEBUG=1 pour le détail technique.",
    };

    private static string Busy =>
        $"La base de données n’a pas répondu à temps (elle est occupée par une autre opération, par exemple un import du même protocole)\u202F: {Interrupted}. " +
        "Réessayez dans quelques minutes.";

    private static string DiskFull => $"Le disque de la base de données est plein\u202F: {Interrupted}. Libérez de la place, puis relancez la commande.";
}
