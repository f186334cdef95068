using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Code).HasMaxLength(100);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.State).HasMaxLength(16);
        builder.Property(c => c.PeriodLabel).HasMaxLength(32);
        builder.HasIndex(c => new { c.ProtocolId, c.WaveId });
        builder.HasOne<Protocol>().WithMany().HasForeignKey(c => c.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Wave>().WithMany().HasForeignKey(c => c.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Territories).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Exceptions).WithOne().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
