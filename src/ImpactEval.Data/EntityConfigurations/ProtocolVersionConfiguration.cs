using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> builder)
    {
        builder.ToTable("protocol_versions");
        builder.HasIndex(v => new { v.ProtocolId, v.Number }).IsUnique();
        builder.Property(v => v.Sha256).HasMaxLength(64);
    }
}
