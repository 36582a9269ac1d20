package org.partymap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partymap.http.ApiException;
import org.partymap.io.YamlResource;

class CollectionCatalogTest {

    private static final String GOOD = """
            - id: grids
              title: 网格
              view: grids
              geometry: MultiPolygon
              time: {instant: updated_at}
              properties:
                - {name: code, type: string, title: 编码, queryable: true}
                - {name: duties, type: array}
            """;

    @Test
    void theShippedTableHasThePublicLayersAndNoResidents() {
        CollectionCatalog catalog = CollectionCatalog.load();
        List<String> ids = catalog.all().stream().map(OgcCollection::id).toList();
        assertEquals(List.of("subdistricts", "communities", "grids", "grid_history", "party_groups", "service_centres",
                "grid_stations", "activity_rooms", "reading_rooms", "streets", "estates", "buildings", "addresses"), ids);
        assertFalse(ids.stream().anyMatch(id -> id.contains("resident") || id.contains("member")));
        assertTrue(catalog.get("party_groups").property("leader_name").isEmpty());
        assertTrue(catalog.all().stream().allMatch(c -> !c.queryables().isEmpty()));
    }

    @Test
    void eachStationKindIsACollectionOfTheOneStationView() {
        CollectionCatalog catalog = CollectionCatalog.load();
        assertEquals(Map.of("kind", "grid_station"), catalog.get("grid_stations").where());
        assertEquals("stations", catalog.get("reading_rooms").view());
        assertEquals(catalog.get("service_centres").properties(), catalog.get("activity_rooms").properties());
    }

    @Test
    void aDefinitionIsReadWithItsTypesTimeAndQueryables() {
        OgcCollection grids = CollectionCatalog.of(YamlResource.parse(GOOD)).get("grids");
        assertEquals(Temporal.instant("updated_at"), grids.time().orElseThrow());
        assertEquals(List.of(new Property("code", PropertyType.STRING, "编码", true)), grids.queryables());
        assertEquals(PropertyType.ARRAY, grids.property("duties").orElseThrow().type());
        assertEquals("duties", grids.property("duties").orElseThrow().title());
    }

    @Test
    void anUnknownCollectionIsA404ThatListsTheKnownOnes() {
        ApiException e = assertThrows(ApiException.class, () -> CollectionCatalog.of(YamlResource.parse(GOOD)).get("residents"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("grids"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id: grids|id: Grids|must be lower-case",
        "id: grids|id: grids; DROP TABLE grid|must be lower-case",
        "view: grids|view: public.grid|must be lower-case",
        "geometry: MultiPolygon|geometry: Circle|geometry must be one of",
        "{name: code, type: string|{name: \"code\\\"\", type: string|must be lower-case",
        "{name: duties, type: array}|{name: duties, type: array, queryable: true}|cannot be queryable",
        "{name: duties, type: array}|{name: code, type: integer}|listed twice",
        "{name: duties, type: array}|{name: id, type: integer}|the feature id",
        "type: array}|type: list}|unknown property type",
        "time: {instant: updated_at}|time: {start: valid_from}|needs end",
        "title: 网格|title: ''|needs title"})
    void aBrokenDefinitionIsRefusedNamingWhatIsWrong(String from, String to, String message) {
        String yaml = GOOD.replace(from, to);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectionCatalog.of(YamlResource.parse(yaml)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aCollectionDefinedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CollectionCatalog.of(YamlResource.parse(GOOD + GOOD)));
    }
}
