package fr.prevexp.projections;

import fr.prevexp.engine.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model columns and the API agree by construction: every amount column has the precision
 * and scale of {@link Limits}, every text column an explicit length, and the columns that store an
 * act's text (the reference, a landlord's organisation) the very bound the API checks.
 */
class ColumnsAgreeWithLimitsTest {

    @Test
    void everyReadModelColumnHoldsWhatTheApiAccepts() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        List<String> problems = new ArrayList<>();
        int columns = 0;
        for (var candidate : scanner.findCandidateComponents("fr.prevexp.projections")) {
            Class<?> entity = Class.forName(candidate.getBeanClassName());
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                String name = entity.getSimpleName() + "." + field.getName();
                if (field.getType() == BigDecimal.class) {
                    columns++;
                    if (column == null || column.precision() != Limits.AMOUNT_PRECISION || column.scale() != Limits.AMOUNT_SCALE) {
                        problems.add(name + " is not an amount column of Limits");
                    }
                }
                if (field.getType() == String.class) {
                    columns++;
                    if (column == null || column.length() == 255) problems.add(name + " has no explicit length");
                    if (field.getName().equals("reference") && column != null && column.length() != Limits.REFERENCE) problems.add(name);
                    if (field.getName().equals("organisation") && column != null && column.length() != Limits.ORGANISATION) problems.add(name);
                    if (field.getName().equals("caseId") && column != null && column.length() != Limits.CASE_ID) problems.add(name);
                }
            }
        }
        assertThat(columns).as("columns found").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }
}
