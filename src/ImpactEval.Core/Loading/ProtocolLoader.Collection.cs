using System.Collections.Immutable;
using ImpactEval.Core.Model;

namespace ImpactEval.Core.Loading;

public static partial class ProtocolLoader
{
    /// <summary>What the collection needs beyond the indicators: to whom each indicator applies, and whom to ask.</summary>
    private sealed partial class Reader
    {
        /// <summary>
        /// <c>groups: [BEN]</c> of an indicator: the groups a value is due for (empty, every group). Each code must be a
        /// declared group (checked once the whole file is read) and appear once.
        /// </summary>
        private ImmutableArray<string> ReadApplicability(YamlMap map, string indicator)
        {
            if (!map.Has("groups")) return [];
            var codes = map.Codes("groups", false);
            if (codes.IsEmpty)
                sink.Error(map.PositionOf("groups"), $"La liste « groups » de l’indicateur « {indicator} » est vide\u202F: l’indicateur ne serait dû pour personne.",
                    "Retirez « groups: » pour un indicateur qui concerne tous les groupes, ou citez les groupes concernés, par exemple groups: [BEN].");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (code, at) in codes)
            {
                references.Add(new Reference(ReferenceKind.Group, code, at, $"l’indicateur « {indicator} »"));
                if (!seen.Add(code))
                    sink.Error(at, $"Le groupe « {code} » est cité deux fois dans « groups » de l’indicateur « {indicator} ».", "Gardez une seule occurrence.");
            }
            return [.. seen];
        }

        /// <summary><c>contact: { name, email }</c>: the person or function the workbooks name for questions.</summary>
        private ProtocolContact? ReadContact(YamlMap root)
        {
            var map = root.Map("contact", false, "la section contact", "name", "email");
            if (map is null) return null;
            var name = map.String("name", true, "\"Cheffe de projet opérationnelle, cité éducative de Valbrune\"");
            var email = map.String("email", false);
            if (email is not null && (email.Count(c => c == '@') != 1 || email.Any(char.IsWhiteSpace) || email.StartsWith('@') || email.EndsWith('@')))
                sink.Error(map.PositionOf("email"), $"L’adresse «\u202F{email}\u202F» du contact n’est pas une adresse électronique.", "Par exemple\u202F: email: evaluation@cite-educative.example");
            return name is null ? null : new ProtocolContact(name, email);
        }
    }
}
