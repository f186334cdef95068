using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.KeyId).HasMaxLength(20);
        builder.HasIndex(a => a.KeyId).IsUnique();
        builder.Property(a => a.KeyHash).HasMaxLength(32);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.Property(a => a.RevokedBy).HasMaxLength(200);
        builder.HasMany(a => a.Territories).WithOne().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
