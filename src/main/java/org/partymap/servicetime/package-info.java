/**
 * 服务时间 service time: a post's opening hours (营业时间) and the clock that counts only the time a
 * post is open, in Asia/Shanghai, shared by 社区通 questions (their deadlines) and 预约办事 bookings
 * (their slots).
 */
package org.partymap.servicetime;
