/**
 * 账户与权限 accounts, roles and privacy. Four roles: the anonymous public (公众), 网格员 grid
 * workers (scope: their 网格 grids; they see the residents of those grids), 规划人员 planners of
 * the district's organisation department (scope: their 街道 subdistricts; they see aggregates,
 * never a person), and 管理员 administrators. Sessions live in the database so that several app
 * nodes share them; every read of a resident's record, every login and every change to an
 * account is written to the 审计日志 audit log.
 */
package org.partymap.auth;
