using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.Property(r => r.JobGroup).HasMaxLength(100);
        builder.Property(r => r.JobName).HasMaxLength(200);
        builder.Property(r => r.Trigger).HasMaxLength(400);
        builder.Property(r => r.FireInstanceId).HasMaxLength(200);
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => new { r.JobGroup, r.JobName, r.StartedAt });
        builder.HasIndex(r => r.FireInstanceId);
    }
}
