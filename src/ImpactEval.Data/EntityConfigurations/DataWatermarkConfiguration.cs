using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class DataWatermarkConfiguration : IEntityTypeConfiguration<DataWatermark>
{
    public void Configure(EntityTypeBuilder<DataWatermark> builder)
    {
        builder.ToTable("data_watermarks");
        builder.HasKey(w => w.ProtocolId);
        builder.Property(w => w.ProtocolId).ValueGeneratedNever();
        builder.HasOne<Protocol>().WithMany().HasForeignKey(w => w.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
