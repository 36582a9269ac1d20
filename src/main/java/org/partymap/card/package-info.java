/**
 * 便民卡 (convenience card): the small card a grid hands its households, printed with the grid's
 * people and the posts that serve it. Per grid (网格): its name and code, community (社区), the grid
 * leader (网格长) and other contacts, the post that serves it (网格驿站 or the community's
 * 党群服务中心) with its hours and services, the community's 党群服务中心, the district's emergency
 * numbers, and a QR code that opens the grid on the map. Shown on screen ({@code card.html}), and
 * as PDF for the print shop: one card, or a community's or subdistrict's cards imposed ten to an
 * A4 sheet with crop marks, backs mirrored for duplex.
 */
package org.partymap.card;
