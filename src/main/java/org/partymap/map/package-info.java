/**
 * 线上党建地图 the online party-building map that residents open on their phones: its settings
 * ({@code /api/config}: the optional tile service and its 审图号 map approval number, the extent,
 * the station kinds and services), its own basemap drawn from partymap's data
 * ({@code /api/basemap}: streets with their names, subdistrict and community outlines, estates and
 * buildings, chosen and simplified by zoom), and the benchmark of the endpoints behind it.
 */
package org.partymap.map;
