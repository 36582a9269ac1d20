/** 预约办事 booking: a resident without an account books a slot at a 党群服务中心 or 网格驿站, from the post's hours, and follows or cancels it through a private link. */
package org.partymap.booking;
