/**
 * 公告 notices: what a community tells its residents — 社区动态 news, 公告公示 announcements and
 * 党务公开 party affairs made public — published by the community's staff, read by anyone.
 */
package org.partymap.notice;
