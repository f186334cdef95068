using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Data.Tests;

public class StoreFilesTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Break 13 of issue 10: impacteval.db and its write-ahead log were created world-readable (0644) next to a 0600 key,
    // so any account of the server could copy the pseudonymised data. The data folder, the database, its WAL and its
    // shared-memory file are now the service account's only.
    [Fact]
    public async Task OpenCurrent_NewSqliteStore_FolderIs0700AndDatabaseWalAndShmAre0600()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var scratch = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var options = new StoreOptions { DataDirectory = Path.Combine(scratch.Options.DataDirectory, "data") };
        await using var db = await Store.OpenCurrentAsync(options);
        await db.Database.OpenConnectionAsync();
        db.Territories.Add(new Territory { Code = "CE-999-01", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var database = Path.Combine(options.DataDirectory, "impacteval.db");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(options.DataDirectory));
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.True(File.Exists(path), path);
            Assert.Equal(Private, File.GetUnixFileMode(path));
        }
    }

    // A file written whole for one person's data replaces an older one atomically and stays 0600, even if the older one was readable.
    [Fact]
    public void Write_ExistingReadableFile_ReplacedAndPrivate()
    {
        if (OperatingSystem.IsWindows()) return;
        var directory = Directory.CreateTempSubdirectory("impacteval-private-");
        try
        {
            var path = Path.Combine(directory.FullName, "export.json");
            File.WriteAllText(path, "ancien");
            File.SetUnixFileMode(path, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            PrivateFile.Write(path, "{}"u8);

            Assert.Equal("{}", File.ReadAllText(path));
            Assert.Equal(Private, File.GetUnixFileMode(path));
            Assert.Equal([path], Directory.GetFiles(directory.FullName));
            Assert.False(PrivateFile.WriteNew(path, "autre"u8));
            Assert.Equal("{}", File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
