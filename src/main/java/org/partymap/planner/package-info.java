/**
 * 规划工作台 the planner workspace: what the district's organisation department (组织部) uses to
 * redraw grids — the grids of a community with their workload against a target households per
 * grid, the street blocks (街区) they are made of, proposals generated along the streets (方案),
 * previews and saves of edits (through {@link org.partymap.grid.edit}), each grid's history of
 * versions (历史版本) with revert, and export of grids, communities and stations as GeoJSON and
 * GeoPackage for QGIS. Planners work within their subdistricts (街道); admins everywhere. No
 * person's data appears here: residents are counted, never listed.
 */
package org.partymap.planner;
