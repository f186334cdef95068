using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("observations");
        // The table holds millions of rows and is written in bulk: every index costs an insertion per value
        // (measured: three single-column indexes halve the SQLite import rate). Reads always go through the
        // enrolment (the unique index covers it); waves, indicators and imports are deleted rarely, and
        // ProtocolRegistry refuses to delete a wave or indicator that still has observations. So these foreign
        // keys keep their integrity check but get no index.
        UnindexedForeignKeyConvention.Mark(builder.Property(o => o.WaveId));
        UnindexedForeignKeyConvention.Mark(builder.Property(o => o.IndicatorId));
        UnindexedForeignKeyConvention.Mark(builder.Property(o => o.ImportId));
        builder.HasIndex(o => new { o.EnrolmentId, o.WaveId, o.IndicatorId }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(o => o.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Wave>().WithMany().HasForeignKey(o => o.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Import>().WithMany().HasForeignKey(o => o.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}
