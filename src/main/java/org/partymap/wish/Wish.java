package org.partymap.wish;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A wish as stored, with its grid and the private parts (whose wish, who claimed it) that only the
 * grid's workers see. What the public sees of it is {@link WishJson#wall}.
 *
 * @param claimantGroup the 楼栋党小组 of the party member who claimed it (as it was at the claim), or null
 */
public record Wish(long id, Grid grid, Long residentId, String residentName, Long questionId, String title, WishCategory category,
                   String situation, LocalDate dueOn, Status status, Instant postedAt, Instant claimedAt, Integer claimantUserId,
                   String claimantAccount, String claimantGroup, String claimantName, String claimantPhone, Boolean claimConfirmed,
                   Instant fulfilledAt, String thanks, Instant updatedAt) {

    /** Where a wish hangs: a grid of a community of a subdistrict. */
    public record Grid(int id, String code, String name, int communityId, String communityName, int subdistrictId) {
    }

    /** open 待认领 → claimed 已认领 → fulfilled 已实现; withdrawn 已撤回 leaves the wall. */
    public enum Status {
        OPEN, CLAIMED, FULFILLED, WITHDRAWN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Whether a party member claimed it: by account, or recorded by name with their party group (else a resident by name and phone). */
    public boolean claimedByMember() {
        return claimantUserId != null || claimantName != null && claimantPhone == null;
    }
}
