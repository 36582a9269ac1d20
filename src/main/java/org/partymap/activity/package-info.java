/**
 * 活动 activities at posts and activity rooms (党建活动, 志愿服务, 讲座, 邻居节 …), once or recurring
 * (RFC 5545 RRULE), residents' 报名 sign-ups per occurrence through a private link, iCalendar feeds
 * per community and post, and 服务项目 the service projects a community runs at its posts.
 */
package org.partymap.activity;
