using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class EnrolmentStatusChangeConfiguration : IEntityTypeConfiguration<EnrolmentStatusChange>
{
    public void Configure(EntityTypeBuilder<EnrolmentStatusChange> builder)
    {
        builder.ToTable("enrolment_status_changes");
        builder.Property(c => c.PreviousStatus).HasMaxLength(16);
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
