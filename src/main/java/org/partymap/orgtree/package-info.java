/**
 * The organisation tree and its areas: 街道 subdistrict → 社区 community → 网格党支部 grid party
 * branch (in {@code grid}) → 楼栋党小组 party group → 党员中心户 member household.
 */
package org.partymap.orgtree;
