using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ReportRenderConfiguration : IEntityTypeConfiguration<ReportRender>
{
    public void Configure(EntityTypeBuilder<ReportRender> builder)
    {
        builder.ToTable("report_renders");
        builder.Property(r => r.Key).HasMaxLength(400);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasIndex(r => new { r.ProtocolId, r.RenderedAt });
        builder.HasOne<Protocol>().WithMany().HasForeignKey(r => r.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
