package fr.prevexp.api.dashboard;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.api.deadletters.DeadLetters;
import fr.prevexp.engine.Parc;
import fr.prevexp.projections.charter.CharterService;
import fr.prevexp.projections.deadlines.DeadlineBoard;
import fr.prevexp.projections.indicators.Indicator;
import fr.prevexp.projections.indicators.IndicatorService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CCAPEX secretariat's dashboard (<i>tableau de bord</i>) at {@code /dashboard}: the page, and
 * its data in one call, from the same services as the public API (so the numbers match). Every
 * reader of the page (secretariat, préfecture, auditors) sees how many dossiers wait in the
 * dead-letter queues, since the figures lack their waiting acts; only the secretariat can list and
 * retry them ({@code /api/v1/admin/dead-letters}).
 */
@Controller
public class DashboardController {
    /** The procedure funnel (<i>entonnoir de la procédure</i>), in the order of the procedure. */
    static final List<Indicator> FUNNEL = List.of(Indicator.PAYMENT_ORDERS, Indicator.SUMMONSES, Indicator.JUDGMENTS,
            Indicator.NOTICES_TO_QUIT, Indicator.POLICE_ASSISTANCE_REQUESTED, Indicator.POLICE_ASSISTANCE_GRANTED,
            Indicator.EVICTIONS_CARRIED_OUT);

    private final IndicatorService indicators;
    private final CharterService charter;
    private final DeadlineBoard deadlines;
    private final Clock clock;
    private final DeadLetters deadLetters;

    public DashboardController(IndicatorService indicators, CharterService charter, DeadlineBoard deadlines, Clock clock,
                               DeadLetters deadLetters) {
        this.indicators = indicators;
        this.charter = charter;
        this.deadlines = deadlines;
        this.clock = clock;
        this.deadLetters = deadLetters;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    public String page() {
        return "forward:/dashboard/index.html";
    }

    public record Step(String key, String label, Object value) {
    }

    public record Data(int year, String territory, Parc parc, List<Integer> years, List<String> territories, List<Step> funnel,
                       List<IndicatorService.Value> indicators, CharterService.Result charter, DeadlineBoard.Board deadlines,
                       DeadLetters.Summary deadLetters) {
    }

    @GetMapping("/dashboard/data")
    @ResponseBody
    public Data data(@RequestParam(required = false) Integer year, @RequestParam(required = false) String territory,
                     @RequestParam(required = false) Parc parc) {
        List<Integer> years = indicators.years();
        int y = year != null ? year : years.isEmpty() ? LocalDate.now(clock).getYear() : years.get(0);
        BadParameterException.year("year", y);
        String t = BadParameterException.territory("territory", territory);
        List<IndicatorService.Value> values = indicators.of(y, t, parc);
        Map<String, Object> byKey = values.stream().filter(v -> v.value() != null)
                .collect(Collectors.toMap(IndicatorService.Value::key, IndicatorService.Value::value));
        List<Step> funnel = FUNNEL.stream().map(i -> new Step(i.name(), i.label(), byKey.get(i.name()))).toList();
        return new Data(y, t, parc, years, indicators.territories(), funnel, values, charter.evaluate(), deadlines.of(null, t, parc, 30),
                deadLetters.summary());
    }
}
