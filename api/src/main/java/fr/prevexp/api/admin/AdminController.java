package fr.prevexp.api.admin;

import fr.prevexp.projections.replay.ProjectionReplay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Administration of the read models (<i>administration des projections</i>), for the CCAPEX secretariat. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Administration", description = "Rejeu des projections")
public class AdminController {
    private final ProjectionReplay replay;

    public AdminController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    @Operation(summary = "Rejouer les projections",
            description = "Drops every read model (case list, deadline board, indicators) and rebuilds it from the event log. "
                    + "Answers 202 at once; progress is logged and shown by GET /api/v1/admin/projections.")
    public ResponseEntity<ProjectionReplay.Started> replay() {
        return ResponseEntity.accepted().body(replay.replay());
    }

    @GetMapping
    @Operation(summary = "État des projections", description = "Each projection's position in the log, the log's head, replaying or caught up, "
            + "and the number of dossiers parked in its dead-letter queue (see GET /api/v1/admin/dead-letters).")
    public List<ProjectionReplay.Status> status() {
        return replay.status();
    }

    @GetMapping("/processors")
    @Operation(summary = "Processeurs de ce nœud", description = "Every event processor of this node (the read models and the "
            + "procedure's bridge): the segments it has claimed through the token store, each with its position in the log, and the log's head.")
    public List<ProjectionReplay.ProcessorStatus> processors() {
        return replay.processors();
    }
}
