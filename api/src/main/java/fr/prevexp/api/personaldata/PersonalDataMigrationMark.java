package fr.prevexp.api.personaldata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far {@link PersonalDataMigration} has looked in the event store (table
 * {@code personal_data_migration}, one row): later starts only look at newer events.
 */
@Entity
@Table(name = "personal_data_migration")
public class PersonalDataMigrationMark {
    @Id
    private Integer id;
    @Column(nullable = false)
    private long lastGlobalIndex;

    protected PersonalDataMigrationMark() {
    }

    public long getLastGlobalIndex() {
        return lastGlobalIndex;
    }
}
