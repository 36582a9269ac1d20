/**
 * 示范区 the demo district: a fictitious, Tinghu-like urban district generated from a fixed seed
 * and a few small committed inputs ({@code data/demo/}). Streets first (城市轴线 axes, 主干道
 * main streets, 次干道 secondary streets, 巷弄 lanes, 串场河 with its bridges), then the blocks
 * between them and what stands on them (小区 estates, 楼栋 buildings, 门牌 standard addresses),
 * then 街道 subdistricts, 社区 communities and 网格 grids drawn along the streets with the grid
 * package, 楼栋党小组 party groups, 党员中心户, 党群服务中心 / 网格驿站 / 党员活动室 / 图书室, and
 * a register of fictitious 居民 residents written as CSV files to import. Every person in it is
 * fictitious; the same seed gives the same bytes on every machine.
 */
package org.partymap.demo;
