using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("observations");
        builder.HasIndex(o => new { o.EnrolmentId, o.WaveId, o.IndicatorId }).IsUnique();
        builder.HasIndex(o => o.IndicatorId);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(o => o.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Wave>().WithMany().HasForeignKey(o => o.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Import>().WithMany().HasForeignKey(o => o.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}
