using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class ChangeCursorConfiguration : IEntityTypeConfiguration<ChangeCursor>
{
    public void Configure(EntityTypeBuilder<ChangeCursor> builder)
    {
        builder.ToTable("change_cursors");
        builder.HasKey(c => c.Source);
        builder.Property(c => c.Source).HasMaxLength(64);
    }
}
