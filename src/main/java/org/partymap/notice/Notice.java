package org.partymap.notice;

import java.time.Instant;

/**
 * A published notice as the public sees it.
 *
 * @param author the display text it is from (莲花路社区居委会), never an account's name
 */
public record Notice(long id, int communityId, NoticeKind kind, String title, String body, String author,
                     Instant publishedAt, Instant updatedAt) {
}
