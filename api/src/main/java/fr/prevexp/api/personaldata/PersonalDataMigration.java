package fr.prevexp.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.engine.ActType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Encrypts the personal fields of events stored in clear by a version before crypto-shredding
 * (<i>migration</i>): every event of a type with personal fields, in the event store
 * ({@code domain_event_entry}) and in the dead-letter queues ({@code dead_letter_entry}), whose
 * personal values are still clear text is rewritten with them enciphered, in place, by batches of
 * 200 (each its own transaction). Until then the reader takes both formats. It runs at start
 * ({@code prevexp.personal-data.encrypt-at-start}, default true; from the last position it reached,
 * kept in {@link PersonalDataMigrationMark}), and on demand: {@code POST /api/v1/admin/personal-data/encrypt}.
 */
@Service
public class PersonalDataMigration implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PersonalDataMigration.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataKeys keys;
    private final boolean atStart;
    private final List<String> types = Arrays.stream(ActType.values()).map(ActType::eventClass)
            .filter(c -> !PersonalFields.of(c).isEmpty()).map(Class::getName).toList();

    public PersonalDataMigration(JdbcTemplate jdbc, TransactionTemplate transactions, PersonalDataKeys keys,
                                 @Value("${prevexp.personal-data.encrypt-at-start:true}") boolean atStart) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.atStart = atStart;
    }

    /** What a run found: events read, and rewritten with their personal fields enciphered. */
    public record Report(long eventsRead, long eventsEncrypted, long deadLettersRead, long deadLettersEncrypted) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!atStart) return;
        Report report;
        try {
            report = encrypt();
        } catch (RuntimeException e) {
            // Not a reason to stop: clear text reads as before; the next start, or the admin endpoint, tries again.
            log.warn("The encryption of personal data left in clear did not complete at start; it will be tried again", e);
            return;
        }
        if (report.eventsEncrypted() + report.deadLettersEncrypted() > 0) {
            log.info("Personal data of {} stored event(s) and {} parked event(s) written in clear by an earlier version: now encrypted",
                    report.eventsEncrypted(), report.deadLettersEncrypted());
        }
    }

    /** Encrypts what is still clear; answers what it did. Safe to run again (and while the application works). */
    public synchronized Report encrypt() {
        Long from = jdbc.query("select last_global_index from personal_data_migration where id = 1", rs -> rs.next() ? Long.valueOf(rs.getLong(1)) : null);
        String in = types.stream().map(t -> "?").collect(Collectors.joining(","));
        long read = 0, encrypted = 0, position = from == null ? -1 : from;
        while (true) {
            Object[] params = new Object[types.size() + 1];
            params[0] = position;
            for (int i = 0; i < types.size(); i++) params[i + 1] = types.get(i);
            List<Map<String, Object>> rows = jdbc.queryForList("select global_index, payload_type, payload from domain_event_entry where global_index > ? and payload_type in ("
                    + in + ") order by global_index fetch first " + BATCH + " rows only", params);
            if (rows.isEmpty()) break;
            long[] counts = transactions.execute(status -> {
                long changed = 0;
                for (Map<String, Object> row : rows) {
                    byte[] after = enciphered(String.valueOf(row.get("payload_type")), bytes(row.get("payload")));
                    if (after != null) {
                        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", after, row.get("global_index"));
                        changed++;
                    }
                }
                return new long[]{changed};
            });
            read += rows.size();
            encrypted += counts[0];
            position = ((Number) rows.get(rows.size() - 1).get("global_index")).longValue();
        }
        Long max = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        long reached = Math.max(position, max == null ? -1 : max);
        if (from == null) jdbc.update("insert into personal_data_migration (id, last_global_index) values (1, ?)", reached);
        else jdbc.update("update personal_data_migration set last_global_index = ? where id = 1", reached);

        long lettersRead = 0, lettersEncrypted = 0;
        List<Map<String, Object>> letters;
        try {
            letters = jdbc.queryForList("select dead_letter_id, payload_type, payload from dead_letter_entry");
        } catch (org.springframework.dao.DataAccessException noQueue) {
            letters = List.of();
        }
        for (Map<String, Object> letter : letters) {
            lettersRead++;
            if (!types.contains(String.valueOf(letter.get("payload_type")))) continue;
            byte[] after = transactions.execute(status -> {
                byte[] changed = enciphered(String.valueOf(letter.get("payload_type")), bytes(letter.get("payload")));
                if (changed != null) jdbc.update("update dead_letter_entry set payload = ? where dead_letter_id = ?", changed, letter.get("dead_letter_id"));
                return changed;
            });
            if (after != null) lettersEncrypted++;
        }
        return new Report(read, encrypted, lettersRead, lettersEncrypted);
    }

    /** The payload with its clear personal values enciphered; null when nothing was clear. */
    private byte[] enciphered(String type, byte[] payload) {
        if (payload == null) return null;
        try {
            JsonNode event = PersonalDataSerializer.EXACT.readTree(payload);
            String caseId = event.path("caseId").asText(null);
            if (caseId == null) return null;
            boolean changed = PersonalFields.transform(event, PersonalFields.of(Class.forName(type)), (path, text) -> keys.encrypt(caseId, text));
            return changed ? PersonalDataSerializer.EXACT.writeValueAsBytes(event) : null;
        } catch (IOException | ClassNotFoundException e) {
            log.warn("An event payload could not be read for the migration of personal data: left as it is ({})", e.toString());
            return null;
        }
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) return b;
        if (value instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
