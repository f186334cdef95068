using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class AggregateValueRevisionConfiguration : IEntityTypeConfiguration<AggregateValueRevision>
{
    public void Configure(EntityTypeBuilder<AggregateValueRevision> builder)
    {
        builder.ToTable("aggregate_value_revisions");
        builder.HasOne<AggregateValue>().WithMany().HasForeignKey(r => r.AggregateValueId).OnDelete(DeleteBehavior.Cascade);
    }
}
