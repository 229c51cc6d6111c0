package fr.prevexp.api.personaldata;

import fr.prevexp.engine.Limits;
import fr.prevexp.engine.Trade;
import jakarta.persistence.*;

import java.time.Instant;

/**
 * One reading of a dossier (<i>journal des consultations</i>, table {@code personal_data_access}):
 * who (login, role, organisation), when, what (which view) and which kinds of personal data it
 * showed. Kept apart from the dossier's event log: not an event, never replayed, never erased with
 * the dossier's personal data (it names the readers, not the household).
 */
@Entity
@Table(name = "personal_data_access", indexes = @Index(name = "personal_data_access_case", columnList = "caseId, readAt"))
public class ConsultationEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = Limits.CASE_ID, nullable = false)
    private String caseId;
    @Column(nullable = false)
    private Instant readAt;
    @Column(length = Limits.NAME)
    private String login;
    @Enumerated(EnumType.STRING)
    @Column(length = Limits.CODE)
    private Trade trade;
    @Column(length = Limits.ORGANISATION)
    private String organisation;
    @Column(length = Limits.CODE)
    private String what;
    /** The kinds of personal data shown, comma-separated (empty: none). */
    @Column(length = 128)
    private String personalData;

    protected ConsultationEntry() {
    }

    ConsultationEntry(String caseId, Instant readAt, String login, Trade trade, String organisation, String what, String personalData) {
        this.caseId = caseId;
        this.readAt = readAt;
        this.login = login;
        this.trade = trade;
        this.organisation = organisation;
        this.what = what;
        this.personalData = personalData;
    }

    public Long getId() { return id; }
    public String getCaseId() { return caseId; }
    public Instant getReadAt() { return readAt; }
    public String getLogin() { return login; }
    public Trade getTrade() { return trade; }
    public String getOrganisation() { return organisation; }
    public String getWhat() { return what; }
    public String getPersonalData() { return personalData; }
}
