package fr.prevexp.engine.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WinterTruceTest {

    @Test
    void coversFirstNovemberToThirtyFirstMarchInclusive() {
        assertThat(WinterTruce.covers(LocalDate.of(2024, 10, 31))).isFalse();
        assertThat(WinterTruce.covers(LocalDate.of(2024, 11, 1))).isTrue();
        assertThat(WinterTruce.covers(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(WinterTruce.covers(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(WinterTruce.covers(LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(WinterTruce.covers(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(WinterTruce.covers(LocalDate.of(2025, 4, 1))).isFalse();
    }

    @Test
    void theFirstDayOutsideCrossesTheYearBoundary() {
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2024, 11, 15))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 2, 10))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 6, 10))).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 10, 31))).isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void everyDayOfAYearIsInsideExactlyWhenItFallsFromNovemberToMarch() {
        for (LocalDate day = LocalDate.of(2023, 7, 1); day.isBefore(LocalDate.of(2025, 7, 1)); day = day.plusDays(1)) {
            int month = day.getMonthValue();
            assertThat(WinterTruce.covers(day)).as(day.toString()).isEqualTo(month >= 11 || month <= 3);
        }
    }

    @Test
    void theFirstDayOutsideOnTheEdges() {
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2024, 11, 1))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2024, 12, 31))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 3, 31))).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(WinterTruce.firstDayOutside(LocalDate.of(2025, 4, 1))).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void theFirstDayOutsideIsOutsideAndNoDayBetweenIsOutside() {
        for (LocalDate day = LocalDate.of(2024, 9, 1); day.isBefore(LocalDate.of(2025, 9, 1)); day = day.plusDays(1)) {
            LocalDate outside = WinterTruce.firstDayOutside(day);
            assertThat(WinterTruce.covers(outside)).as(day.toString()).isFalse();
            for (LocalDate between = day; between.isBefore(outside); between = between.plusDays(1)) {
                assertThat(WinterTruce.covers(between)).as(day + " .. " + between).isTrue();
            }
        }
    }
}
