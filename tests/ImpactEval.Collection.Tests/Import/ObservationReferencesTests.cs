using ImpactEval.Data;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Import;

/// <summary>
/// The store still guards the references of observations on both providers: SQLite with its foreign keys, PostgreSQL
/// with the triggers of schema v6 (once per import for bulk writes, per row for the other writers).
/// </summary>
public class ObservationReferencesTests
{
    // A value written one at a time (data entry, a correction tool, a script) for an enrolment that does not exist is
    // refused by the store itself, with the foreign-key error code StoreErrors explains in French.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Insert_ObservationOfMissingEnrolment_RefusedAsAForeignKeyViolation(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var existing = await fixture.Db.Observations.AsNoTracking().FirstAsync();
        var before = await fixture.Db.Observations.CountAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Db.Database.ExecuteSqlAsync($"""
            INSERT INTO observations ("EnrolmentId", "WaveId", "IndicatorId", "Value", "RecordedAt", "UpdatedAt")
            VALUES ({999_999}, {existing.WaveId}, {existing.IndicatorId}, {1.0}, {DateTime.UtcNow}, {DateTime.UtcNow})
            """));

        Assert.True(IsForeignKeyViolation(error, provider), error.ToString());
        Assert.Equal(before, await fixture.Db.Observations.CountAsync());
    }

    // Deleting enrolments deletes their observations (the former ON DELETE CASCADE), and deleting a wave that still
    // has observations is refused (RESTRICT).
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Delete_EnrolmentOrWave_CascadesToObservationsOrIsRefused(StoreProvider provider)
    {
        await using var fixture = await CohortFixture.CollectedAsync(provider);
        var observed = await fixture.Db.Observations.AsNoTracking().Select(o => new { o.EnrolmentId, o.WaveId }).FirstAsync();
        var ofEnrolment = await fixture.Db.Observations.CountAsync(o => o.EnrolmentId == observed.EnrolmentId);
        var total = await fixture.Db.Observations.CountAsync();
        Assert.True(ofEnrolment > 0);

        await fixture.Db.Enrolments.Where(e => e.Id == observed.EnrolmentId).ExecuteDeleteAsync();

        Assert.Equal(0, await fixture.Db.Observations.CountAsync(o => o.EnrolmentId == observed.EnrolmentId));
        Assert.Equal(total - ofEnrolment, await fixture.Db.Observations.CountAsync());
        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Db.Waves.Where(w => w.Id == observed.WaveId).ExecuteDeleteAsync());
        Assert.True(IsForeignKeyViolation(error, provider), error.ToString());
        Assert.True(await fixture.Db.Waves.AnyAsync(w => w.Id == observed.WaveId));
    }

    private static bool IsForeignKeyViolation(Exception error, StoreProvider provider) => provider == StoreProvider.Sqlite
        ? error is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } // SQLITE_CONSTRAINT (foreign key)
        : error is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation };
}
