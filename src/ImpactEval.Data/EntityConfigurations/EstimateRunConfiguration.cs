using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class EstimateRunConfiguration : IEntityTypeConfiguration<EstimateRun>
{
    public void Configure(EntityTypeBuilder<EstimateRun> builder)
    {
        builder.ToTable("estimate_runs");
        builder.HasIndex(r => new { r.ProtocolId, r.ComputedAt });
        builder.HasOne<Protocol>().WithMany().HasForeignKey(r => r.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
