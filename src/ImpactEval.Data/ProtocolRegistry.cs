using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Core.Loading;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Model = ImpactEval.Core.Model;

namespace ImpactEval.Data;

/// <summary>
/// Registers protocol files as numbered versions. An invalid file is never registered; the same text twice
/// creates nothing; a change that would reinterpret existing data (a scale changed, or an indicator, wave or
/// group removed while data refers to it) is refused with an explanation. Every registration is audited.
/// </summary>
public sealed class ProtocolRegistry(ImpactEvalDbContext db)
{
    /// <summary>Validates and registers the protocol file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of the YAML file.</param>
    /// <param name="actor">Who registers (for the audit trail).</param>
    /// <param name="evaluability">The protocol's evaluability verdict as JSON, stored with the version (see <see cref="RegisterAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the operation (nothing is written).</param>
    public Task<RegistrationOutcome> RegisterFileAsync(string path, string actor, Func<Model.Protocol, string>? evaluability = null, CancellationToken cancellationToken = default) =>
        RegisterAsync(ProtocolLoader.LoadFile(path), Path.GetFileName(path), actor, evaluability, cancellationToken);

    /// <summary>Registers an already loaded protocol.</summary>
    /// <param name="loaded">The loading result (its source text is what is stored).</param>
    /// <param name="fileName">The file name to record.</param>
    /// <param name="actor">Who registers.</param>
    /// <param name="evaluability">
    /// Computes the evaluability verdict (JSON) stored with the version — ImpactEval.Analysis' EvaluabilityAssessment,
    /// which this project cannot reference; a version registered earlier without one gets it when the same file comes again.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation (nothing is written).</param>
    public async Task<RegistrationOutcome> RegisterAsync(ProtocolLoadResult loaded, string fileName, string actor, Func<Model.Protocol, string>? evaluability = null,
        CancellationToken cancellationToken = default)
    {
        if (loaded.Protocol is not { } protocol)
            return new RegistrationOutcome(RegistrationStatus.Invalid, null, null, loaded.Problems, []);

        var sha = Sha256(loaded.SourceText);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Protocols.Include(p => p.Territory).SingleOrDefaultAsync(p => p.Code == protocol.Id, cancellationToken);
        if (stored is not null)
        {
            var current = await db.ProtocolVersions.SingleAsync(v => v.ProtocolId == stored.Id && v.Number == stored.CurrentVersion, cancellationToken);
            if (current.Sha256 == sha)
            {
                if (current.Evaluability is null && evaluability is not null)
                {
                    current.Evaluability = evaluability(protocol);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                return new RegistrationOutcome(RegistrationStatus.Unchanged, protocol.Id, stored.CurrentVersion, loaded.Problems, []);
            }
            var refusals = await FindReinterpretationsAsync(stored, protocol, cancellationToken);
            if (!refusals.IsEmpty)
                return new RegistrationOutcome(RegistrationStatus.Refused, protocol.Id, stored.CurrentVersion, loaded.Problems, refusals);
        }

        var now = DateTime.UtcNow;
        var territory = await db.Territories.SingleOrDefaultAsync(t => t.Code == protocol.TerritoryCode, cancellationToken);
        if (territory is null)
        {
            territory = new Territory { Code = protocol.TerritoryCode, Name = protocol.TerritoryName, CreatedAt = now };
            db.Territories.Add(territory);
        }
        else if (protocol.TerritoryName is not null) territory.Name = protocol.TerritoryName;

        var status = stored is null ? RegistrationStatus.Created : RegistrationStatus.NewVersion;
        stored ??= db.Protocols.Add(new Protocol { Code = protocol.Id, Title = protocol.Title, CreatedAt = now }).Entity;
        stored.Territory = territory;
        stored.Title = protocol.Title;
        stored.CurrentVersion++;
        stored.Versions.Add(new ProtocolVersion
        {
            Number = stored.CurrentVersion, Sha256 = sha, SourceText = loaded.SourceText, SourceFile = fileName, RegisteredBy = actor, RegisteredAt = now,
            Evaluability = evaluability?.Invoke(protocol),
        });
        await db.SaveChangesAsync(cancellationToken);
        await SynchroniseDefinitionsAsync(stored.Id, protocol, cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = actor, Action = "protocol.register", TerritoryId = territory.Id,
            Subject = $"protocole {protocol.Id} v{stored.CurrentVersion}", Details = $"fichier {fileName}, sha256 {sha}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistrationOutcome(status, protocol.Id, stored.CurrentVersion, loaded.Problems, []);
    }

    /// <summary>Whether any data of the protocol came from the demonstration's generator (an import marked synthetic).</summary>
    /// <param name="code">The protocol's identifier.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public Task<bool> HasSyntheticDataAsync(string code, CancellationToken cancellationToken = default) =>
        db.Imports.AnyAsync(i => i.Synthetic && db.Protocols.Any(p => p.Id == i.ProtocolId && p.Code == code), cancellationToken);

    /// <summary>Loads the current version of a registered protocol, or null when no protocol has this code.</summary>
    public async Task<(Model.Protocol Protocol, int Version)?> LoadCurrentAsync(string code, CancellationToken cancellationToken = default)
    {
        var version = await db.ProtocolVersions
            .Where(v => db.Protocols.Any(p => p.Code == code && p.Id == v.ProtocolId && p.CurrentVersion == v.Number))
            .SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : Parse(code, version);
    }

    /// <summary>
    /// Loads one registered version of a protocol (e.g. the version stored results were computed with), or null when
    /// the protocol or the version does not exist.
    /// </summary>
    public async Task<(Model.Protocol Protocol, int Version)?> LoadVersionAsync(string code, int number, CancellationToken cancellationToken = default)
    {
        var version = await db.ProtocolVersions
            .Where(v => v.Number == number && db.Protocols.Any(p => p.Code == code && p.Id == v.ProtocolId))
            .SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : Parse(code, version);
    }

    private static (Model.Protocol Protocol, int Version) Parse(string code, ProtocolVersion version)
    {
        var loaded = ProtocolLoader.Load(version.SourceText, version.SourceFile);
        return loaded.Protocol is { } protocol
            ? (protocol, version.Number)
            : throw new InvalidOperationException($"The stored version {version.Number} of protocol {code} no longer loads: {string.Join("; ", loaded.Errors)}");
    }

    private async Task<ImmutableArray<string>> FindReinterpretationsAsync(Protocol stored, Model.Protocol next, CancellationToken cancellationToken)
    {
        var refusals = ImmutableArray.CreateBuilder<string>();
        var enrolments = db.Enrolments.Where(e => e.ProtocolId == stored.Id);
        if (stored.Territory!.Code != next.TerritoryCode && await enrolments.AnyAsync(cancellationToken))
            refusals.Add($"Le protocole appartient à la cité « {stored.Territory.Code} » et a déjà des participants : il ne peut pas passer à « {next.TerritoryCode} ».");

        var observationCounts = await (from e in enrolments join o in db.Observations on e.Id equals o.EnrolmentId select o) // by index, not a scan
            .GroupBy(o => o.IndicatorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var aggregateCounts = await (from i in db.Indicators where i.ProtocolId == stored.Id join v in db.AggregateValues on i.Id equals v.IndicatorId select v)
            .GroupBy(v => v.IndicatorId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var aggregate in aggregateCounts) observationCounts[aggregate.Key] = observationCounts.GetValueOrDefault(aggregate.Key) + aggregate.Count;
        foreach (var indicator in await db.Indicators.Where(i => i.ProtocolId == stored.Id).ToListAsync(cancellationToken))
        {
            if (!observationCounts.TryGetValue(indicator.Id, out var count)) continue;
            var replacement = next.FindIndicator(indicator.Code);
            var scale = ScaleCodec.Read(indicator.Scale);
            if (replacement is null)
                refusals.Add($"L'indicateur « {indicator.Code} » a disparu du fichier alors que {count} valeur(s) y sont rattachées. Gardez-le (il peut ne plus être collecté) ou effacez d'abord ses données.");
            else if (!replacement.Scale.SameMeaningAs(scale))
                refusals.Add($"L'échelle de l'indicateur « {indicator.Code} » change alors que {count} valeur(s) ont été saisies avec l'ancienne : " +
                    $"{ScaleCodec.Describe(scale)} → {ScaleCodec.Describe(replacement.Scale)}. Les valeurs déjà saisies changeraient de sens. " +
                    "Créez plutôt un nouvel indicateur (nouveau code) pour la nouvelle échelle.");
        }

        var groupsInUse = await db.Groups
            .Where(g => g.ProtocolId == stored.Id && (enrolments.Any(e => e.GroupId == g.Id) || db.GroupChanges.Any(c => c.GroupId == g.Id || c.PreviousGroupId == g.Id)))
            .Select(g => g.Code).ToListAsync(cancellationToken);
        foreach (var code in groupsInUse.Where(code => next.FindGroup(code) is null))
            refusals.Add($"Le groupe « {code} » a disparu du fichier alors que des participants y sont inscrits.");

        var wavesInUse = await db.Waves
            .Where(w => w.ProtocolId == stored.Id && enrolments.Join(db.Observations, e => e.Id, o => o.EnrolmentId, (_, o) => o.WaveId).Any(waveId => waveId == w.Id))
            .Select(w => w.Code).ToListAsync(cancellationToken);
        foreach (var code in wavesInUse.Where(code => next.FindWave(code) is null))
            refusals.Add($"La vague « {code} » a disparu du fichier alors que des observations y sont rattachées.");
        var wavesWithCampaigns = await db.Waves.Where(w => w.ProtocolId == stored.Id && db.Campaigns.Any(c => c.WaveId == w.Id)).Select(w => w.Code).ToListAsync(cancellationToken);
        foreach (var code in wavesWithCampaigns.Where(code => next.FindWave(code) is null && !wavesInUse.Contains(code)))
            refusals.Add($"La vague « {code} » a disparu du fichier alors qu'une campagne de collecte y est rattachée.");
        return refusals.ToImmutable();
    }

    private async Task SynchroniseDefinitionsAsync(int protocolId, Model.Protocol protocol, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.Where(g => g.ProtocolId == protocolId).ToDictionaryAsync(g => g.Code, cancellationToken);
        foreach (var group in protocol.Groups)
        {
            var role = group.Role == Model.GroupRole.Focal ? "focal" : "comparison";
            if (groups.Remove(group.Code, out var existing)) { existing.Label = group.Label; existing.Role = role; }
            else db.Groups.Add(new Group { ProtocolId = protocolId, Code = group.Code, Label = group.Label, Role = role });
        }
        db.Groups.RemoveRange(groups.Values);

        var waves = await db.Waves.Where(w => w.ProtocolId == protocolId).ToDictionaryAsync(w => w.Code, cancellationToken);
        foreach (var wave in protocol.Waves)
        {
            if (!waves.Remove(wave.Code, out var entity)) entity = db.Waves.Add(new Wave { ProtocolId = protocolId, Code = wave.Code, Label = wave.Label }).Entity;
            entity.Label = wave.Label;
            entity.Order = wave.Order;
            entity.FixedDate = wave.Schedule.FixedDate;
            entity.OffsetDays = wave.Schedule.OffsetDays;
            entity.DaysBefore = wave.Schedule.DaysBefore;
            entity.DaysAfter = wave.Schedule.DaysAfter;
        }
        db.Waves.RemoveRange(waves.Values);

        var indicators = await db.Indicators.Where(i => i.ProtocolId == protocolId).ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var indicator in protocol.Indicators)
        {
            var scale = ScaleCodec.Write(indicator.Scale);
            if (indicators.Remove(indicator.Code, out var existing)) { existing.Label = indicator.Label; existing.Scale = scale; }
            else db.Indicators.Add(new Indicator { ProtocolId = protocolId, Code = indicator.Code, Label = indicator.Label, Scale = scale });
        }
        db.Indicators.RemoveRange(indicators.Values);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
