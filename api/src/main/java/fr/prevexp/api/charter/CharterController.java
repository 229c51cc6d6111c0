package fr.prevexp.api.charter;

import fr.prevexp.projections.charter.CharterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured charter and its objectives, actual against target per year (<i>charte et objectifs</i>). */
@RestController
@RequestMapping("/api/v1/charter")
@Tag(name = "Charte", description = "Charte départementale de prévention des expulsions : objectifs et résultats")
public class CharterController {
    private final CharterService charter;

    public CharterController(CharterService charter) {
        this.charter = charter;
    }

    @GetMapping
    @Operation(summary = "Charte configurée : objectifs, cibles et valeurs réelles par année",
            description = "The charter is a YAML file (prevexp.charter.location). For each objective and each year of the charter: "
                    + "the actual value of its indicator for the whole département, the target and MET, NOT_MET, NO_DATA (no act that year) or NO_BASELINE (the year compared with has no value of the indicator, or 0: no target).")
    public CharterService.Result charter() {
        return charter.evaluate();
    }
}
