using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ErasedParticipantConfiguration : IEntityTypeConfiguration<ErasedParticipant>
{
    public void Configure(EntityTypeBuilder<ErasedParticipant> builder)
    {
        builder.ToTable("erased_participants");
        builder.Property(e => e.Pseudonym).HasMaxLength(64);
        builder.Property(e => e.FoldKey).HasMaxLength(64);
        builder.HasIndex(e => new { e.TerritoryId, e.Pseudonym }).IsUnique();
        builder.HasIndex(e => new { e.TerritoryId, e.FoldKey });
        builder.HasOne<Territory>().WithMany().HasForeignKey(e => e.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
