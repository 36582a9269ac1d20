/**
 * 社区通 在线咨询 (online consultation): a resident's question goes to the grid (网格) that
 * contains its place, is answered by that grid's workers on a clock that runs in service hours,
 * and climbs to the community (社区) and then the subdistrict (街道) when it waits too long.
 */
package org.partymap.consult;
