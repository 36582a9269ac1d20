/**
 * 网格调整 grid edits: what a planner does to the grids of a community — moves 街区 street blocks
 * from a grid to its neighbour, splits a grid along a line (拆分), merges two (合并), moves
 * boundary vertices (a vertex shared by two grids moves in both), draws a boundary anew, accepts
 * a generated proposal (方案) in whole or in part, reverts to an earlier version, or changes a grid's
 * party branch, leader, contacts and duties.
 *
 * <p>Every edit is resolved against the community's current grids into an {@link
 * org.partymap.grid.edit.Outcome} (the new shape of every grid it touches), validated whatever
 * the client sent ({@link org.partymap.grid.edit.GridCoverageValidator}), and applied in one
 * transaction that puts every address, building, station, resident and party group into the grid
 * that now covers it and writes a version of every grid touched ({@link
 * org.partymap.grid.edit.GridEditService}). A preview is the same transaction rolled back.
 * Saves are optimistic: they name the versions they were based on ({@link
 * org.partymap.grid.edit.BaseVersions}, the {@code If-Match} header).
 */
package org.partymap.grid.edit;
