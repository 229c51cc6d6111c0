package fr.prevexp.projections.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops every read model and rebuilds it from the event log (<i>rejeu des projections</i>): each
 * projection's tracking processor is stopped, its token reset (its {@code @ResetHandler} empties its
 * tables) and started again; it then reads the whole log. Progress is logged every second with the
 * count of events and the rate until every processor has caught up. Every streaming processor of the
 * application that supports a reset is a read model and is replayed (today {@code cases},
 * {@code deadlines}, {@code indicators}; a projection added later is included without a change
 * here); the procedure's bridge is not a projection ({@code @DisallowReplay}) and is never replayed.
 * A dossier whose event a projection cannot handle is parked in that projection's dead-letter queue
 * and the replay goes on past it: the reset empties the queue, the replay parks again what still
 * fails, and {@link #status()} counts the parked dossiers.
 * In a cluster, run it with the other nodes stopped (each segment must be claimable by this node).
 */
@Service
public class ProjectionReplay {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReplay.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private volatile Thread progress;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * Where one processor stands: its position in the log, the log's head, whether it is replaying or caught up, and
     * how many dossiers it has parked in its dead-letter queue (events it could not handle: it went on past them).
     */
    public record Status(String processor, Long position, Long head, boolean replaying, boolean caughtUp, long parkedDossiers) {
    }

    public record Started(Instant startedAt, List<String> processors, Long head) {
    }

    public synchronized Started replay() {
        Long head = position(eventStore.createHeadToken());
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, StreamingEventProcessor> projection : projections().entrySet()) {
            String name = projection.getKey();
            StreamingEventProcessor processor = projection.getValue();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            names.add(name);
            LOG.info("Replay of '{}' started: {} events in the log", name, head == null ? 0 : head + 1);
        }
        watch(names, Instant.now());
        return new Started(Instant.now(), names, head);
    }

    public List<Status> status() {
        Long head = position(eventStore.createHeadToken());
        List<Status> statuses = new ArrayList<>();
        for (Map.Entry<String, StreamingEventProcessor> projection : projections().entrySet()) {
            String name = projection.getKey();
            StreamingEventProcessor p = projection.getValue();
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            Long position = segments.values().stream().map(s -> position(s.getTrackingToken())).filter(java.util.Objects::nonNull)
                    .min(Long::compare).orElse(null);
            boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            // A reset processor stays "replaying" until an event newer than the reset arrives: caught up means it read the head.
            boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                    && (head == null || (position != null && position >= head));
            long parked = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
            statuses.add(new Status(name, position, head, replaying, caughtUp, parked));
        }
        return statuses;
    }

    /**
     * One processor of this node (read models and the procedure's bridge alike): the segments this node has claimed,
     * each with its position in the log, and the log's head. On several nodes, each lists the segments it works on.
     */
    public record ProcessorStatus(String processor, Long head, Map<Integer, Long> claimedSegments, boolean caughtUp) {
    }

    /** Every streaming processor of this node, with the segments it has claimed (benchmark and supervision). */
    public List<ProcessorStatus> processors() {
        Long head = position(eventStore.createHeadToken());
        List<ProcessorStatus> all = new ArrayList<>();
        new java.util.TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) return;
            Map<Integer, Long> segments = new java.util.TreeMap<>();
            streaming.processingStatus().forEach((segment, status) -> segments.put(segment, position(status.getTrackingToken())));
            boolean caughtUp = segments.values().stream().allMatch(p -> head == null || (p != null && p >= head));
            all.add(new ProcessorStatus(name, head, segments, caughtUp));
        });
        return all;
    }

    /** The read models: the streaming processors that support a reset, by processing group name. */
    public java.util.SortedMap<String, StreamingEventProcessor> projections() {
        java.util.SortedMap<String, StreamingEventProcessor> projections = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) projections.put(name, streaming);
        });
        return projections;
    }

    /** Whether every projection has read the whole log. */
    public boolean done() {
        return status().stream().allMatch(Status::caughtUp);
    }

    private void watch(List<String> names, Instant started) {
        Thread previous = progress;
        if (previous != null) previous.interrupt();
        progress = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
                    List<Status> statuses = status();
                    for (Status s : statuses) {
                        long done = s.position() == null ? 0 : s.position() + 1;
                        long total = s.head() == null ? 0 : s.head() + 1;
                        LOG.info("Replay of '{}': {}/{} events ({} %), {} events/s{}{}", s.processor(), done, total,
                                total == 0 ? 100 : Math.round(1000.0 * done / total) / 10.0, Math.round(done / seconds),
                                s.caughtUp() ? ", done" : "",
                                s.parkedDossiers() == 0 ? "" : ", " + s.parkedDossiers() + " dossier(s) parked in its dead-letter queue");
                    }
                    if (statuses.stream().allMatch(Status::caughtUp)) {
                        LOG.info("Replay of {} finished in {} s", names, Math.round(seconds * 10) / 10.0);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "projection-replay-progress");
        progress.setDaemon(true);
        progress.start();
    }

    private static Long position(TrackingToken token) {
        if (token == null) return null;
        return token.position().isPresent() ? token.position().getAsLong() : null;
    }
}
