package org.partymap.geocode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The grid (网格) a place lies in, as answers name it; {@code communityId} stays inside. */
@JsonPropertyOrder({"id", "code", "name"})
public record GridRef(int id, String code, String name, @JsonIgnore int communityId) {
}
