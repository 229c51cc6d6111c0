package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.deadletters.DeadLetterPolicy;
import fr.prevexp.engine.*;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import fr.prevexp.engine.events.PaymentOrderServed;
import fr.prevexp.engine.events.SummonsServed;
import fr.prevexp.processes.ProcedureBridge;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One dossier whose event a processor cannot handle stops nothing else: it is parked in that
 * processor's dead-letter queue with its later events, listed for the secretariat, retried after a
 * fix, and replay goes past it. Passing failures (a lock held too long) are retried, not parked.
 * The bad events are written straight to the event store, as events recorded before the API
 * validated amounts and required fields would be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:deadletters;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=1000")
@ExtendWith(OutputCaptureExtension.class)
class DeadLettersTest {
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String ADMIN = "/api/v1/admin/dead-letters";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    ProcedureBridge bridge;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService jobs;

    static RecordedBy ccapex() {
        return new RecordedBy(Trade.CCAPEX, "ccapex");
    }

    static RecordedBy commissaire() {
        return new RecordedBy(Trade.COMMISSAIRE, "etude");
    }

    static CaseOpened opening(String caseId, String reference, Landlord landlord, String debt) {
        return new CaseOpened(caseId, LocalDate.parse("2024-01-10"), ccapex(), reference, CaseSource.CAF, Parc.PRIVATE, "93066",
                LocalDate.parse("2019-05-01"), new Household("Famille Test", null, 3, null), landlord,
                new BigDecimal("650.00"), new BigDecimal("80.00"), new BigDecimal(debt));
    }

    void storeDirectly(String caseId, CaseEvent... events) {
        storeDirectly(eventStore, transaction, caseId, events);
    }

    /** Appends a dossier's first events straight to the event store, bypassing the API's checks. */
    static void storeDirectly(EventStore eventStore, TransactionTemplate transaction, String caseId, CaseEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) messages.add(new GenericDomainEventMessage<>("EvictionCase", caseId, i, events[i]));
        transaction.executeWithoutResult(status -> eventStore.publish(messages));
    }

    /** A dossier opened with a debt of a thousand billion euros: more digits than the read models' columns (14) hold. */
    static CaseEvent[] absurdDebt(String caseId) {
        return new CaseEvent[]{opening(caseId, "DOS-ABSURDE", new Landlord(LandlordKind.PRIVATE_PERSON, "M. X", "demo-bailleur"), "1000000000000.00"),
                new PaymentOrderServed(caseId, LocalDate.parse("2024-02-01"), commissaire(), null),
                new SummonsServed(caseId, LocalDate.parse("2024-04-02"), commissaire(), LocalDate.parse("2024-06-20"), null)};
    }

    JsonNode parked(ApiClient api, String group) {
        JsonNode overview = api.get("ccapex", ADMIN).body();
        for (JsonNode g : overview.path("groups")) if (g.path("group").asText().equals(group)) return g.path("dossiers");
        throw new AssertionError("no group " + group + " in " + overview);
    }

    List<String> parkedIds(ApiClient api, String group) {
        return parked(api, group).findValuesAsText("caseId");
    }

    JsonNode listed(ApiClient api, String caseId) {
        for (JsonNode item : api.get("ccapex", "/api/v1/cases?size=200").body().path("items")) {
            if (item.path("caseId").asText().equals(caseId)) return item;
        }
        return null;
    }

    String openThroughApi(ApiClient api) {
        String id = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10")).text("caseId");
        String acts = "/api/v1/cases/" + id + "/acts";
        assertThat(api.post("commissaire", acts, "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}").status()).isEqualTo(201);
        assertThat(api.post("commissaire", acts, "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}")
                .status()).isEqualTo(201);
        return id;
    }

    @Test
    void aDossierTheReadModelsCannotStoreIsParkedAndTheOthersGoOn() {
        ApiClient api = new ApiClient(port);
        String bad = UUID.randomUUID().toString();
        storeDirectly(bad, absurdDebt(bad));
        String good = openThroughApi(api);

        // The other dossier, recorded after the bad one, reaches the case list, the deadline board and the indicators.
        await().atMost(PATIENCE).until(() -> listed(api, good) != null && "SummonsServed".equals(listed(api, good).path("lastActType").asText()));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from rm_deadline where case_id = ?", Long.class, good) > 0);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from rm_indicator_fact where case_id = ? and type = 'SummonsServed'", Long.class, good) == 1);
        await().atMost(PATIENCE).until(() -> parkedIds(api, "cases").contains(bad) && parkedIds(api, "indicators").contains(bad));
        assertThat(listed(api, bad)).isNull();
        // The deadline board keeps no debt: it has the bad dossier; the procedure takes it too.
        assertThat(parkedIds(api, "deadlines")).doesNotContain(bad);
        assertThat(parkedIds(api, "procedure")).doesNotContain(bad);

        // Listed for the secretariat: the first parked event, its cause, when; its later events parked behind it, in order.
        JsonNode entry = parked(api, "cases").get(parkedIds(api, "cases").indexOf(bad));
        assertThat(entry.path("caseId").asText()).isEqualTo(bad);
        assertThat(entry.path("reference").asText()).isEqualTo("DOS-ABSURDE");
        assertThat(entry.path("firstEventType").asText()).isEqualTo("CaseOpened");
        assertThat(entry.path("firstEventSequence").asLong()).isZero();
        assertThat(entry.path("firstEventOccurredOn").asText()).isEqualTo("2024-01-10");
        assertThat(entry.path("parkedEvents").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(entry.path("causeType").asText()).isNotBlank();
        assertThat(entry.path("causeMessage").asText()).isNotBlank();
        assertThat(entry.path("enqueuedAt").asText()).isNotBlank();
        assertThat(entry.path("lastTouched").asText()).isNotBlank();
        assertThat(sequences("cases", bad)).startsWith(0L, 1L, 2L).isSorted().doesNotHaveDuplicates();
        // (The other tests of this class share the database: their dossiers may be parked in the procedure's queue.)
        int parkedBefore = api.get("ccapex", ADMIN).body().path("parkedDossiers").asInt();
        assertThat(parkedBefore).isPositive();
        assertThat(api.get("prefecture", ADMIN).status()).isEqualTo(403);
        assertThat(api.post("commissaire", ADMIN + "/retry", "{}").status()).isEqualTo(403);

        // The dashboard's readers see how many dossiers wait (not which).
        JsonNode line = api.get("prefecture", "/dashboard/data?year=2024").body().path("deadLetters");
        assertThat(line.path("parkedDossiers").asInt()).isEqualTo(parkedBefore);
        assertThat(line.path("groups").toString()).contains("liste des dossiers").contains("indicateurs");

        // Retried while the cause is still there: parked again, still listed.
        ApiClient.Answer again = api.post("ccapex", ADMIN + "/cases/" + bad + "/retry", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("processed")).isEmpty();
        assertThat(again.body().path("stillParked").findValuesAsText("caseId")).containsExactly(bad);
        assertThat(parkedIds(api, "cases")).contains(bad);
        ApiClient.Answer unknown = api.post("ccapex", ADMIN + "/cases/" + good + "/retry", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("title").asText()).contains("lettres mortes");
        assertThat(api.post("ccapex", ADMIN + "/nope/" + bad + "/retry", "{}").status()).isEqualTo(404);

        // Replay goes past it to the end of the log and reports it parked again; the good dossier is rebuilt.
        assertThat(api.post("ccapex", "/api/v1/admin/projections/replay", "{}").status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> replay.done());
        JsonNode status = api.get("ccapex", "/api/v1/admin/projections").body();
        for (JsonNode s : status) {
            assertThat(s.path("caughtUp").asBoolean()).as(s.toString()).isTrue();
            assertThat(s.path("parkedDossiers").asLong()).as(s.toString()).isEqualTo(s.path("processor").asText().equals("deadlines") ? 0 : 1);
            // (only the dossier of this test cannot be stored by the read models)
        }
        assertThat(parkedIds(api, "cases")).containsExactly(bad);
        assertThat(parkedIds(api, "indicators")).containsExactly(bad);
        assertThat(sequences("cases", bad)).startsWith(0L, 1L, 2L).isSorted();
        assertThat(listed(api, good).path("lastActType").asText()).isEqualTo("SummonsServed");

        // The fix: the columns widened (as a migration would). A retry then takes its events, in order.
        jdbc.execute("alter table rm_case_summary alter column debt set data type numeric(20,2)");
        jdbc.execute("alter table rm_indicator_case alter column debt set data type numeric(20,2)");
        jdbc.execute("alter table rm_indicator_fact alter column amount set data type numeric(20,2)");
        ApiClient.Answer retried = api.post("ccapex", ADMIN + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("stillParked").findValuesAsText("caseId")).doesNotContain(bad);
        assertThat(retried.body().path("processed").findValuesAsText("group")).contains("cases", "indicators");
        assertThat(retried.body().path("processed").findValuesAsText("caseId")).contains(bad);
        assertThat(parkedIds(api, "cases")).doesNotContain(bad);
        assertThat(parkedIds(api, "indicators")).doesNotContain(bad);
        assertThat(api.get("ccapex", ADMIN).body().path("parkedDossiers").asInt()).isEqualTo(parkedBefore - 1);
        JsonNode fixed = listed(api, bad);
        assertThat(fixed).isNotNull();
        assertThat(fixed.path("debt").decimalValue()).isEqualByComparingTo("1000000000000.00");
        assertThat(fixed.path("lastActType").asText()).isEqualTo("SummonsServed");
        assertThat(fixed.path("stage").asText()).isEqualTo(listed(api, good).path("stage").asText());
        assertThat(jdbc.queryForObject("select count(*) from rm_indicator_fact where case_id = ? and type in ('CaseOpened', 'PaymentOrderServed', 'SummonsServed')",
                Long.class, bad)).isEqualTo(3);
        assertThat(api.get("prefecture", "/dashboard/data?year=2024").body().path("deadLetters").path("parkedDossiers").asInt())
                .isEqualTo(parkedBefore - 1);
    }

    @Test
    void aDossierTheProcedureCannotTakeIsParkedAndTheOtherProceduresGoOn() {
        ApiClient api = new ApiClient(port);
        // An opening without a landlord (required since): the procedure cannot start on it.
        String bad = UUID.randomUUID().toString();
        storeDirectly(bad, opening(bad, "DOS-SANS-BAILLEUR", null, "1950.00"),
                new PaymentOrderServed(bad, LocalDate.parse("2024-02-01"), commissaire(), null));
        String good = openThroughApi(api);

        await().atMost(PATIENCE).until(() -> parkedIds(api, "procedure").contains(bad));
        await().atMost(PATIENCE).until(() -> bridge.instance(good) != null
                && runtime.getVariable(bridge.instance(good).getId(), "lastSequence") instanceof Number n && n.longValue() >= 2);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from rm_deadline where case_id = ?", Long.class, good) > 0);
        assertThat(bridge.instance(bad)).isNull();
        JsonNode entry = null;
        for (JsonNode e : parked(api, "procedure")) if (e.path("caseId").asText().equals(bad)) entry = e;
        assertThat(entry).isNotNull();
        assertThat(entry.path("firstEventType").asText()).isEqualTo("CaseOpened");
        assertThat(entry.path("parkedEvents").asLong()).isEqualTo(2);
        assertThat(sequences("procedure", bad)).containsExactly(0L, 1L);
        // The read models have it (nothing there needs the landlord).
        await().atMost(PATIENCE).until(() -> listed(api, bad) != null);

        // Retried, it fails again on the same value: still parked, still listed.
        ApiClient.Answer again = api.post("ccapex", ADMIN + "/procedure/" + bad + "/retry", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("processed")).isEmpty();
        assertThat(again.body().path("stillParked").findValuesAsText("caseId")).containsExactly(bad);
        assertThat(parkedIds(api, "procedure")).contains(bad);
        assertThat(sequences("procedure", bad)).containsExactly(0L, 1L);
    }

    @Test
    void aLockHeldTooLongIsRetriedNotParked(CapturedOutput output) throws Exception {
        ApiClient api = new ApiClient(port);
        String id = openThroughApi(api);
        await().atMost(PATIENCE).until(() -> listed(api, id) != null && "SummonsServed".equals(listed(api, id).path("lastActType").asText()));
        await().atMost(PATIENCE).until(() -> bridge.instance(id) != null);
        await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count() == 1
                && jobs.createJobQuery().processInstanceId(bridge.instance(id).getId()).executable().count() == 0);

        // Another transaction holds the dossier's row of the case list and its procedure's execution longer than the lock timeout.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lockRows(lock, "select * from rm_case_summary where case_id = ? for update", id);
            lockRows(lock, "select * from act_ru_variable where proc_inst_id_ = ? and name_ = 'lastSequence' for update",
                    bridge.instance(id).getId());
            assertThat(api.post("ccapex", "/api/v1/cases/" + id + "/acts", "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-05-02\"}")
                    .status()).isEqualTo(201);
            // Both processors fail on it and retry with back-off (their status shows the passing failure)...
            await().atMost(PATIENCE).until(() -> retrying("cases") && retrying("procedure"));
            assertThat(parkedIds(api, "cases")).doesNotContain(id);
            assertThat(parkedIds(api, "procedure")).doesNotContain(id);
            lock.rollback();
        }
        // ...then take it once the lock is gone: nothing parked.
        await().atMost(PATIENCE).until(() -> "CcapexExamined".equals(listed(api, id).path("lastActType").asText()));
        await().atMost(PATIENCE).until(() -> runtime.getVariable(bridge.instance(id).getId(), "lastSequence") instanceof Number n
                && n.longValue() >= 3);
        assertThat(parkedIds(api, "cases")).doesNotContain(id);
        assertThat(parkedIds(api, "procedure")).doesNotContain(id);
        assertThat(output.getOut()).contains("Timeout trying to lock table");
    }

    /** Whether the group's processor is retrying an event after a passing failure. */
    private boolean retrying(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow().processingStatus().values().stream()
                .anyMatch(s -> s.isErrorState() && s.getError() instanceof DeadLetterPolicy.PassingFailure);
    }

    private static void lockRows(Connection connection, String sql, String id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
            }
        }
    }

    /** The sequence numbers of a dossier's parked events in a group's queue, in queue order. */
    private List<Long> sequences(String group, String caseId) {
        Iterable<DeadLetter<? extends EventMessage<?>>> letters = processing.deadLetterQueue(group).orElseThrow().deadLetterSequence(caseId);
        return StreamSupport.stream(letters.spliterator(), false)
                .map(l -> ((DomainEventMessage<?>) l.message()).getSequenceNumber()).toList();
    }
}
