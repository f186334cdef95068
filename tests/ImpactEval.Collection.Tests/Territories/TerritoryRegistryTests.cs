using System.Text;
using ImpactEval.Collection.Synthetic;
using ImpactEval.Collection.Territories;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Collection.Tests.Territories;

public class TerritoryRegistryTests
{
    private const string Header = "code;nom;communes;departement_code;departement;region_code;region;annee_label;qpv;rep;rep_plus;college_chef_de_file;contacts\n";

    private const string Three = Header +
        "CE-069-01;Cité fictive A;Commune A | Commune B;69;Rhône;84;Auvergne-Rhône-Alpes;2019;QPV A1 | QPV A2;REP A;REP+ A;Collège A;cite-a@example.org\n" +
        "CE-069-02;Cité fictive B;Commune C;69;Rhône;84;Auvergne-Rhône-Alpes;2022;QPV B1;;;Collège B;\n" +
        "CE-059-01;Cité fictive C;Commune D;59;Nord;32;Hauts-de-France;2024;QPV C1;REP C;;;cite-c@example.org | cpo-c@example.org\n";

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    // ANCT registers its cités from the registry spreadsheet: three cités in two régions and two départements, one of them
    // already known by its code only (created by an earlier import of answers). The registry then lists them région by
    // région with their label year, shows one cité's full sheet, and importing the same file a second time changes
    // nothing and writes no second audit entry.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_ThreeCitesTwiceOneKnownByCode_RegistersHierarchyIdempotently(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        db.Territories.Add(new Territory { Code = "CE-059-01", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var registry = new TerritoryRegistry(db);

        var first = await registry.ImportAsync(File(Three), "registre.csv", "tests");
        var second = await registry.ImportAsync(File(Three), "registre.csv", "tests");

        Assert.True(first.Written, string.Join("\n", first.Problems));
        Assert.Equal((2, 1, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((true, 0, 0, 3), (second.Written, second.Created, second.Updated, second.Unchanged));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "territory.import"));
        Assert.Equal((2, 2, 3), (await db.Regions.CountAsync(), await db.Departements.CountAsync(), await db.Territories.CountAsync()));
        var listed = await registry.ListAsync();
        Assert.Equal(["CE-059-01", "CE-069-01", "CE-069-02"], listed.Select(t => t.Code)); // région 32 before 84
        Assert.Equal([("32", "59", 2024), ("84", "69", 2019), ("84", "69", 2022)], listed.Select(t => (t.RegionCode!, t.DepartementCode!, t.LabelYear!.Value)));
        Assert.Equal(["CE-069-01", "CE-069-02"], (await registry.ListAsync("84")).Select(t => t.Code));
        var a = (await registry.ShowAsync("CE-069-01"))!;
        Assert.Equal(("Cité fictive A", "Auvergne-Rhône-Alpes", "Rhône", "Collège A"), (a.Name, a.RegionName, a.DepartementName, a.CollegeChefDeFile));
        Assert.Equal(["Commune A", "Commune B"], a.Communes.ToArray());
        Assert.Equal(["QPV A1", "QPV A2"], a.Qpv.ToArray());
        Assert.Equal("REP A|REP+ A", string.Join("|", a.Rep.Concat(a.RepPlus)));
        Assert.Equal(["cite-c@example.org", "cpo-c@example.org"], (await registry.ShowAsync("CE-059-01"))!.Contacts.ToArray());
        Assert.Null(await registry.ShowAsync("CE-000-00"));
    }

    // A corrected registry moves a cité to another label year and renames a département: the changes are applied, the
    // others are unchanged, and the audit says how many changed.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_CorrectedFile_UpdatesOnlyWhatChanged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var registry = new TerritoryRegistry(db);
        Assert.True((await registry.ImportAsync(File(Three), "registre.csv", "tests")).Written);

        var corrected = Three.Replace("Cité fictive B;Commune C;69;Rhône;84;Auvergne-Rhône-Alpes;2022", "Cité fictive B;Commune C;69;Rhône;84;Auvergne-Rhône-Alpes;2021");
        var outcome = await registry.ImportAsync(File(corrected), "registre-corrige.csv", "tests");

        Assert.Equal((0, 1, 2), (outcome.Created, outcome.Updated, outcome.Unchanged));
        Assert.Equal(2021, (await registry.ShowAsync("CE-069-02"))!.LabelYear);
        var audit = await db.AuditEntries.Where(e => e.Action == "territory.import").OrderBy(e => e.Id).Select(e => e.Details).ToListAsync();
        Assert.Equal(["3 cités : 3 ajoutées, 0 modifiées, 0 inchangées", "3 cités : 0 ajoutées, 1 modifiées, 2 inchangées"], audit);
    }

    // Bad registry files are refused whole, with each problem at its line and column in French, and nothing is written:
    // an unknown column (with the closest known one), a label year before the programme, a duplicate code, a département
    // with two names, a contact that is a phone number, and a missing required column.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_BadFiles_RefusedWithPlacedFrenchProblemsAndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var registry = new TerritoryRegistry(db);

        var unknown = await registry.ImportAsync(File(Three.Replace("annee_label", "annee_labl")), "a.csv", "tests");
        var rows = await registry.ImportAsync(File(Header +
            "CE-069-01;Cité A;Commune A;69;Rhône;84;Auvergne-Rhône-Alpes;2018;;;;;\n" +
            "CE-069-01;Cité B;Commune B;69;Rhone;84;Auvergne-Rhône-Alpes;2019;;;;;06 12 34 56 78\n"), "b.csv", "tests");
        var missing = await registry.ImportAsync(File("code;nom\nCE-1;A\n"), "c.csv", "tests");

        Assert.False(unknown.Written);
        Assert.Contains(unknown.Problems, p => p.ToString() == "a.csv, ligne 1, colonne 8 (annee_labl)\u202F: Colonne inconnue «\u202Fannee_labl\u202F». Conseil\u202F: Vouliez-vous dire «\u202Fannee_label\u202F»\u202F?");
        Assert.Equal(
        [
            "b.csv, ligne 2, colonne 8 (annee_label)\u202F: «\u202F2018\u202F» n’est pas une année de labellisation. Conseil\u202F: Une année sur quatre chiffres, 2019 ou après (2019, 2021, 2022, 2024…).",
            "b.csv, ligne 3, colonne 1 (code)\u202F: La cité «\u202FCE-069-01\u202F» figure déjà ligne 2. Conseil\u202F: Chaque cité a une seule ligne.",
            "b.csv, ligne 3, colonne 13 (contacts)\u202F: «\u202F06 12 34 56 78\u202F» n’est pas une adresse électronique. Conseil\u202F: Donnez les adresses fonctionnelles de l’équipe projet (séparées par «\u202F|\u202F»), jamais de numéro de téléphone.",
            "b.csv, ligne 3, colonne 5 (departement)\u202F: Le département 69 est nommé «\u202FRhône\u202F» dans la région 84 ligne 2, et «\u202FRhone\u202F» dans la région 84 ici. Conseil\u202F: Un département a le même nom et la même région sur chaque ligne.",
        ], rows.Problems.Select(p => p.ToString()));
        Assert.Contains(missing.Problems, p => p.Message == "La colonne obligatoire «\u202Fannee_label\u202F» manque.");
        Assert.Equal((0, 0, 0, 0), (await db.Territories.CountAsync(), await db.Regions.CountAsync(), await db.Departements.CountAsync(), await db.AuditEntries.CountAsync()));
    }

    // The registry of the 208 fictitious cités of the demo (fixed seed) imports whole, every cité placed in a région and a
    // département with the label year the campaign generator gave it.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_DemoRegistryOf208Cites_PlacesEveryCite(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var cites = RevueDeProjetCampaign.Generate();

        var outcome = await new TerritoryRegistry(db).ImportAsync(File(CiteRegistry.Csv(cites)), "registre-208.csv", "tests");

        Assert.True(outcome.Written, string.Join("\n", outcome.Problems.Take(5)));
        Assert.Equal(208, outcome.Created);
        var listed = await new TerritoryRegistry(db).ListAsync();
        Assert.All(listed, t => Assert.True(t.IsRegistered));
        Assert.Equal(cites.Select(c => (c.Code, c.LabelYear)).Order(), listed.Select(t => (t.Code, t.LabelYear!.Value)).Order());
        Assert.Equal(13, listed.Select(t => t.RegionCode).Distinct().Count());
    }
}
