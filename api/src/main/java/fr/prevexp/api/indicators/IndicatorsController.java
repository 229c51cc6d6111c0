package fr.prevexp.api.indicators;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.engine.Parc;
import fr.prevexp.projections.indicators.IndicatorService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The charter indicators of a year (<i>indicateurs de la charte</i>), from the indicators read model. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicateurs", description = "Indicateurs de suivi des chartes de prévention des expulsions")
public class IndicatorsController {
    private final IndicatorService indicators;

    public IndicatorsController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** The indicators of a year, optionally narrowed to a territory (INSEE code) and a parc. */
    public record Indicators(int year, String territory, Parc parc, List<IndicatorService.Value> indicators) {
    }

    @GetMapping
    @Operation(summary = "Indicateurs d'une année",
            description = "Counts are of acts whose legal date falls in the year; rates are between 0 and 1 (null when nothing to divide by). "
                    + "Each indicator comes with its French label and its definition.")
    public Indicators of(@RequestParam int year, @RequestParam(required = false) String territory, @RequestParam(required = false) Parc parc) {
        BadParameterException.year("year", year);
        String t = BadParameterException.territory("territory", territory);
        return new Indicators(year, t, parc, indicators.of(year, t, parc));
    }

}
