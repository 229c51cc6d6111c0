package fr.prevexp.api.personaldata;

import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.time.Instant;

/**
 * A dossier's key for its personal data (<i>clé du dossier</i>, table {@code personal_data_key}):
 * AES-256, used by {@link PersonalDataSerializer} for every personal field of the dossier's events.
 * Erasing the dossier's personal data deletes the secret (the row stays, with when and why), so the
 * ciphertexts in the log can no longer be read by anyone (crypto-shredding).
 */
@Entity
@Table(name = "personal_data_key")
public class PersonalDataKey {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    /** Which key enciphered a value (a new key is made when personal data is written after an erasure). */
    @Column(length = 16, nullable = false)
    private String keyId;
    /** The AES key; null once erased. */
    @Column(length = 32)
    private byte[] secret;
    private Instant createdAt;
    private Instant erasedAt;
    @Enumerated(EnumType.STRING)
    @Column(length = Limits.CODE)
    private ErasureGround erasureGround;

    protected PersonalDataKey() {
    }

    PersonalDataKey(String caseId, String keyId, byte[] secret, Instant createdAt) {
        this.caseId = caseId;
        this.keyId = keyId;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    void renew(String keyId, byte[] secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    void erase(Instant at, ErasureGround ground) {
        this.secret = null;
        this.erasedAt = at;
        this.erasureGround = ground;
    }

    public String getCaseId() { return caseId; }
    public String getKeyId() { return keyId; }
    byte[] getSecret() { return secret; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getErasedAt() { return erasedAt; }
    public ErasureGround getErasureGround() { return erasureGround; }
}
