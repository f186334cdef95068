using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasIndex(e => new { e.ProtocolId, e.ParticipantId }).IsUnique();
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(e => e.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Group).WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Baseline).WithOne().HasForeignKey(b => b.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Status).HasMaxLength(16);
    }
}
