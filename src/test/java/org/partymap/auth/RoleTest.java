package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partymap.http.ApiException;

class RoleTest {

    @Test
    void accountRolesAreReadByTheirIdsAndPublicIsNoAccountRole() {
        assertEquals(Role.GRID_WORKER, Role.ofAccount("grid_worker"));
        assertEquals(Role.GRID_WORKER, Role.ofAccount(" Grid-Worker "));
        assertEquals(Role.ADMIN, Role.ofAccount("admin"));
        assertThrows(IllegalArgumentException.class, () -> Role.ofAccount("public"));
        assertThrows(IllegalArgumentException.class, () -> Role.ofAccount(null));
    }

    @Test
    void scopeDecidesWhoSeesWhichResidentsAndWhichSubdistricts() {
        var worker = new User(1, "w", null, Role.GRID_WORKER, false, Set.of(10, 11), Set.of());
        var planner = new User(2, "p", null, Role.PLANNER, false, Set.of(), Set.of(3));
        var admin = new User(3, "a", null, Role.ADMIN, false, Set.of(), Set.of());
        assertTrue(worker.mayReadResidentsOf(10));
        assertFalse(worker.mayReadResidentsOf(12));
        assertFalse(planner.mayReadResidentsOf(10), "planners see no person");
        assertTrue(admin.mayReadResidentsOf(12));
        planner.requireSubdistrict(3);
        admin.requireSubdistrict(99);
        assertEquals(403, assertThrows(ApiException.class, () -> planner.requireSubdistrict(4)).status());
        assertEquals(403, assertThrows(ApiException.class, () -> worker.requireSubdistrict(3)).status());
        assertEquals(403, assertThrows(ApiException.class, () -> worker.requireGrid(12)).status());
    }
}
