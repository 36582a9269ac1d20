/**
 * OGC API - Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0; Part 3: queryables as query
 * parameters) under {@code /ogc}, so that QGIS and GDAL read partymap's public layers — 图层
 * layers such as 网格 grids, 社区 communities, 网格驿站 grid stations — the standard way.
 *
 * <p>A collection (要素集) is a row of {@code ogc/collections.yaml}: an id, a title, a view of the
 * database schema {@code ogc} and the properties it publishes. That table is the allow-list of
 * every identifier that reaches SQL. Residents (居民) and member households (党员中心户) are
 * personal data and have no collection at all.
 */
package org.partymap.ogc;
