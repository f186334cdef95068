using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.HasIndex(i => new { i.ProtocolId, i.Code }).IsUnique();
        builder.HasOne<Protocol>().WithMany().HasForeignKey(i => i.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
