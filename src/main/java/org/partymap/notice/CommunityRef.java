package org.partymap.notice;

import java.time.Instant;

/** The community a notice hangs off: what the answers name, and the subdistrict that decides who is its staff. */
public record CommunityRef(int id, String code, String name, int subdistrictId, Instant updatedAt) {
}
