package fr.prevexp.processes;

import fr.prevexp.engine.calendar.LegalCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * What the law lets each département set (<i>paramètres départementaux</i>), under
 * {@code prevexp.departements.<code>}: the DALO rehousing window (6 months overseas and where an
 * agglomeration has over 300,000 inhabitants, else 3), the prefectoral CCAPEX-report threshold
 * before the 2023 reform (3 to 6 months of arrears), and the Alsace-Moselle calendar (57, 67, 68 by
 * default). They reach the DMN tables as inputs.
 */
@ConfigurationProperties(prefix = "prevexp")
public class DepartementSettings {
    private Map<String, Settings> departements = new HashMap<>();

    public Map<String, Settings> getDepartements() { return departements; }
    public void setDepartements(Map<String, Settings> departements) { this.departements = departements; }

    public Settings of(String departement) {
        Settings configured = departements.get(departement);
        Settings settings = new Settings();
        settings.setDaloLargeAgglomeration(departement != null && departement.startsWith("97"));
        if (configured != null) {
            settings.setDaloLargeAgglomeration(configured.isDaloLargeAgglomeration());
            settings.setCcapexReportArrearsMonthsBefore(configured.getCcapexReportArrearsMonthsBefore());
        }
        // The local calendar follows the law (57, 67, 68) unless the département's settings say otherwise.
        settings.setAlsaceMoselle(configured != null && configured.alsaceMoselle != null ? configured.alsaceMoselle
                : LegalCalendar.of(departement).isAlsaceMoselle());
        return settings;
    }

    public static class Settings {
        private boolean daloLargeAgglomeration;
        private int ccapexReportArrearsMonthsBefore = 3;
        private Boolean alsaceMoselle;

        public boolean isDaloLargeAgglomeration() { return daloLargeAgglomeration; }
        public void setDaloLargeAgglomeration(boolean v) { this.daloLargeAgglomeration = v; }
        public int getCcapexReportArrearsMonthsBefore() { return ccapexReportArrearsMonthsBefore; }
        public void setCcapexReportArrearsMonthsBefore(int v) {
            if (v < 3 || v > 6) throw new IllegalArgumentException("ccapex-report-arrears-months-before must be 3 to 6 (décret 2015-1384)");
            this.ccapexReportArrearsMonthsBefore = v;
        }
        public boolean isAlsaceMoselle() { return alsaceMoselle != null && alsaceMoselle; }
        public void setAlsaceMoselle(Boolean v) { this.alsaceMoselle = v; }
    }
}
