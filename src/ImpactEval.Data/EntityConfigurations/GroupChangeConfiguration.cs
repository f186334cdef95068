using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class GroupChangeConfiguration : IEntityTypeConfiguration<GroupChange>
{
    public void Configure(EntityTypeBuilder<GroupChange> builder)
    {
        builder.ToTable("group_changes");
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.PreviousGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
