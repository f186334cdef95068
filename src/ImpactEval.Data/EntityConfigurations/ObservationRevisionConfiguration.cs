using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ObservationRevisionConfiguration : IEntityTypeConfiguration<ObservationRevision>
{
    public void Configure(EntityTypeBuilder<ObservationRevision> builder)
    {
        builder.ToTable("observation_revisions");
        builder.HasOne<Observation>().WithMany().HasForeignKey(r => r.ObservationId).OnDelete(DeleteBehavior.Cascade);
    }
}
