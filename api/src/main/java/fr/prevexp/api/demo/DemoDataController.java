package fr.prevexp.api.demo;

import fr.prevexp.api.cases.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Demo data on demand (<i>données de démonstration</i>), for the secretariat, on the embedded default. */
@RestController
@RequestMapping("/api/v1/admin/demo-data")
@Tag(name = "Administration")
public class DemoDataController {
    private final DemoData demo;
    private final Clock clock;

    public DemoDataController(DemoData demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Générer une année de démonstration",
            description = "Records a département year shaped like Seine-Saint-Denis 2019 divided by `scale` (default 20), through the "
                    + "same commands as partners, several dossiers at a time. `year` defaults to last year. Answers when every command is "
                    + "recorded; meanwhile GET /api/v1/admin/demo-data shows the progress. The procedure's timers then fire in the background.")
    public ResponseEntity<DemoData.Summary> generate(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "20") int scale) {
        int thisYear = LocalDate.now(clock).getYear();
        int y = year == null ? thisYear - 1 : year;
        if (y < 2000 || y >= thisYear) throw new BadParameterException("year", "doit être une année passée (avant " + thisYear + ")");
        BadParameterException.between("scale", scale, 5, 2000);
        return ResponseEntity.accepted().body(demo.generate(y, scale));
    }

    @org.springframework.web.bind.annotation.GetMapping
    @Operation(summary = "Avancement du chargement de démonstration",
            description = "The load under way or the last one since the start: commands recorded out of the year's, commands/s, "
                    + "seconds left (estimate), done. 404 when none was made. The log shows the same every 2 seconds.")
    public ResponseEntity<DemoData.Status> progress() {
        return demo.progress().map(ResponseEntity::ok).orElseThrow(() -> {
            org.springframework.web.ErrorResponseException none = new org.springframework.web.ErrorResponseException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
            none.getBody().setTitle("Aucun chargement");
            none.getBody().setDetail("Aucun chargement de démonstration depuis le démarrage de l'application.");
            return none;
        });
    }

    /** {@code --prevexp.demo.year=2025} (optionally {@code --prevexp.demo.scale=20}) fills an empty embedded database at start. */
    @Configuration
    static class AtStartup {
        @Bean
        @ConditionalOnProperty("prevexp.demo.year")
        ApplicationRunner demoDataAtStartup(DemoData demo, fr.prevexp.projections.cases.CaseSummaryRepository cases,
                                            org.axonframework.eventsourcing.eventstore.EventStore store,
                                            org.springframework.core.env.Environment env) {
            return args -> {
                if (store.createHeadToken() != null) return;   // never on a database that already holds a log
                demo.generate(env.getRequiredProperty("prevexp.demo.year", Integer.class), env.getProperty("prevexp.demo.scale", Integer.class, 20));
            };
        }
    }
}
