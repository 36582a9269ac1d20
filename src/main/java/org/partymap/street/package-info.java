/**
 * 街巷 streets: centre lines with names, classes (城市轴线 axis, 主干道 main, 次干道 secondary,
 * 巷弄 lane) and house-number ranges. Grid boundaries are drawn along them.
 */
package org.partymap.street;
