using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("protocols");
        builder.Property(p => p.Code).HasMaxLength(100);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
