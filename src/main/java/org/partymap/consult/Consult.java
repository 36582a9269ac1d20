package org.partymap.consult;

import java.time.Clock;
import javax.sql.DataSource;
import org.partymap.Config;
import org.partymap.auth.AuditLog;

/** 社区通 put together for the route table: its controllers and the live inbox they share. */
public record Consult(QuestionController questions, InboxController inbox, LiveInbox live, ConsultService service) {

    public static Consult create(DataSource ds, ConsultService.Geocoder geocoder, Clock clock, Config.Consult settings, AuditLog audit) {
        var service = new ConsultService(new QuestionRepository(ds), geocoder, clock, settings);
        return new Consult(new QuestionController(service), new InboxController(service, new ConsultStats(ds), audit, ds),
                new LiveInbox(ds, service), service);
    }
}
