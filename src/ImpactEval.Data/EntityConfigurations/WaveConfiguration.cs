using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class WaveConfiguration : IEntityTypeConfiguration<Wave>
{
    public void Configure(EntityTypeBuilder<Wave> builder)
    {
        builder.ToTable("waves");
        builder.HasIndex(w => new { w.ProtocolId, w.Code }).IsUnique();
        builder.HasOne<Protocol>().WithMany().HasForeignKey(w => w.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
