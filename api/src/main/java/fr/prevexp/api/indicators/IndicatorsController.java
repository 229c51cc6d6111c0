package fr.prevexp.api.indicators;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.engine.Parc;
import fr.prevexp.projections.indicators.IndicatorService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
                    + "Each indicator comes with its French label and its definition. With `Accept: text/csv`, the same as CSV "
                    + "(one line per indicator; `;` separated, UTF-8).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Les indicateurs", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Indicators.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = fr.prevexp.api.export.Csv.MEDIA_TYPE)})
    public org.springframework.http.ResponseEntity<?> of(@RequestParam int year, @RequestParam(required = false) String territory,
                                                         @RequestParam(required = false) Parc parc,
                                                         @RequestHeader(value = org.springframework.http.HttpHeaders.ACCEPT, required = false) String accept) {
        BadParameterException.year("year", year);
        String t = BadParameterException.territory("territory", territory);
        Indicators all = new Indicators(year, t, parc, indicators.of(year, t, parc));
        if (!fr.prevexp.api.export.Csv.asked(accept)) return org.springframework.http.ResponseEntity.ok(all);
        List<IndicatorRow> rows = all.indicators().stream()
                .map(v -> new IndicatorRow(all.year(), all.territory(), all.parc(), v.key(), v.label(), v.value(), v.definition())).toList();
        return fr.prevexp.api.export.Csv.answer(fr.prevexp.api.export.Csv.of(IndicatorRow.class, rows),
                "indicateurs-" + year + (t == null ? "" : "-" + t) + (parc == null ? "" : "-" + parc) + ".csv");
    }

    /** One indicator as a line of the CSV export: the JSON answer's fields, flattened. */
    public record IndicatorRow(int year, String territory, Parc parc, String key, String label, Object value, String definition) {
    }

}
