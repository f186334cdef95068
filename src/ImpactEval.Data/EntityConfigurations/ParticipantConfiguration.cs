using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants");
        builder.Property(p => p.Pseudonym).HasMaxLength(64);
        builder.HasIndex(p => new { p.TerritoryId, p.Pseudonym }).IsUnique();
        builder.Property(p => p.FoldKey).HasMaxLength(64);
        builder.HasIndex(p => new { p.TerritoryId, p.FoldKey }).IsUnique();
        builder.HasOne<Territory>().WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
