package fr.civmil.health.zones.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.reference.ReferenceGeography;

/** Response bodies of the reference geography. */
final class TerritoryViews {

    private TerritoryViews() {
    }

    @Schema(name = "Region", description = "A région (INSEE COG 2026)")
    record RegionView(@Schema(example = "76") String code, @Schema(example = "Occitanie") String name,
            @Schema(description = "Population municipale (populations légales 2023)", example = "6154729") Long population) {
        static RegionView of(ReferenceGeography.Region r) {
            return new RegionView(r.code(), r.name(), r.population());
        }
    }

    @Schema(name = "Departement", description = "A département (INSEE COG 2026)")
    record DepartementView(@Schema(example = "09") String code, @Schema(example = "Ariège") String name,
            @Schema(example = "76") String regionCode, @Schema(example = "155561") Long population) {
        static DepartementView of(ReferenceGeography.Departement d) {
            return new DepartementView(d.code(), d.name(), d.regionCode(), d.population());
        }
    }

    @Schema(name = "Epci", description = "An EPCI à fiscalité propre (intercommunalité, DGCL 2026) and its member communes")
    record EpciView(@Schema(example = "200044469") String siren, @Schema(example = "CC du Pays de Mirepoix") String name,
            @Schema(description = "Legal form: CC, CA, CU, METRO, MET69", example = "CC") String type,
            @Schema(example = "10584") Long population, @Schema(example = "76") String regionCode,
            @Schema(example = "[\"09\"]") List<String> departementCodes,
            @Schema(example = "32") int communeCount,
            @Schema(example = "[\"09001\", \"09194\"]") List<String> communeCodes) {
        static EpciView of(ReferenceGeography.Epci e) {
            return new EpciView(e.siren(), e.name(), e.type(), e.population(), e.regionCode(), e.departementCodes(),
                    e.communeCodes().size(), e.communeCodes());
        }
    }

    @Schema(name = "Commune", description = "A commune (INSEE COG 2026) with its EPCI and postal codes")
    record CommuneView(@Schema(example = "09194") String insee, @Schema(example = "Mirepoix") String name,
            @Schema(example = "09") String departementCode, @Schema(example = "76") String regionCode,
            @Schema(example = "200044469") String epciSiren, @Schema(example = "3227") Long population,
            @Schema(example = "[\"09500\"]") List<String> postalCodes) {
        static CommuneView of(ReferenceGeography.Commune c) {
            return new CommuneView(c.insee(), c.name(), c.departementCode(), c.regionCode(), c.epciSiren(), c.population(),
                    c.postalCodes());
        }
    }
}
