/**
 * Service posts and rooms: 党群服务中心 party-and-people service centre (one per community),
 * 网格驿站 grid station, 党员活动室 party members' activity room, 图书室 reading room.
 */
package org.partymap.station;
