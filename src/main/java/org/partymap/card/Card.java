package org.partymap.card;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What one card prints, all of it public already (the map card shows the same): read from the
 * layers by {@link CardRepository}.
 *
 * @param post   the post that serves the grid ({@code grid.station_id}), or null
 * @param centre the community's 党群服务中心, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Card(Area grid, Area community, Area subdistrict, String branchName, String leaderName, String leaderPhone,
                   List<Contact> contacts, Post post, Post centre) {

    public Card {
        contacts = contacts == null ? List.of() : contacts.stream().filter(c -> c.name() != null || c.phone() != null).toList();
    }

    /** A grid, community or subdistrict: id, code and name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(int id, String code, String name) {
    }

    /** Another public contact of the grid: 网格员 李强 0515-01000001. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String role, String name, String phone) {
    }

    /** A post (网格驿站, 党群服务中心 …) as the card prints it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(int id, String kind, String name, String address, String hours, String phone, List<String> services) {
        public Post {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /** The centre, unless it is the post itself (a grid without a 网格驿站 is served by the centre). */
    public Post otherCentre() {
        return centre != null && (post == null || post.id() != centre.id()) ? centre : null;
    }
}
