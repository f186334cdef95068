using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> builder)
    {
        builder.ToTable("imports");
        builder.HasIndex(i => new { i.ProtocolId, i.Kind, i.Sha256 });
        builder.HasOne<Protocol>().WithMany().HasForeignKey(i => i.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
