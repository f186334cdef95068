using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class WebKeyConfiguration : IEntityTypeConfiguration<WebKey>
{
    public void Configure(EntityTypeBuilder<WebKey> builder)
    {
        builder.ToTable("web_keys");
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}
