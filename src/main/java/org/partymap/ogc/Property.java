package org.partymap.ogc;

/**
 * One published property of a collection: a column of its view.
 *
 * @param queryable whether {@code ?name=value} filters on it (simple types only)
 */
public record Property(String name, PropertyType type, String title, boolean queryable) {
}
