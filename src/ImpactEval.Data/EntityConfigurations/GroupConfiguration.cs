using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.HasIndex(g => new { g.ProtocolId, g.Code }).IsUnique();
        builder.HasOne<Protocol>().WithMany().HasForeignKey(g => g.ProtocolId).OnDelete(DeleteBehavior.Cascade);
    }
}
