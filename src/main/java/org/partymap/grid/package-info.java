/**
 * 网格 grids: the units of grid governance, each with one 网格党支部 party branch whose secretary
 * is the 网格长 grid leader. A grid is 综合网格 comprehensive or 专属网格 dedicated (to an office
 * building or a market). Here: reading grids and locating the grid that serves a point, and making
 * grids along streets: {@link org.partymap.grid.StreetBlockPolygonizer} cuts an area into its
 * 街区 street blocks, {@link org.partymap.grid.GridPartitioner} groups adjacent blocks into grids
 * of balanced households, cutting along main streets before lanes.
 */
package org.partymap.grid;
