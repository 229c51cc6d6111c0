package fr.prevexp.api.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The dossiers' keys and the cipher of their personal fields (<i>chiffrement par dossier</i>): AES-256
 * in GCM mode from the JDK, a fresh 12-byte nonce per value, the dossier id as associated data (a
 * value copied into another dossier does not decrypt). A value is stored as
 * {@code pd1:<base64url(key id ‖ nonce ‖ ciphertext ‖ tag)>}; a text without that prefix is clear text
 * written before encryption (read as it is, and encrypted by {@link PersonalDataMigration}).
 * A value whose key is gone (erased) or does not match reads as {@link PersonalData#ERASED}, never fails.
 */
@Service
public class PersonalDataKeys {
    static final String PREFIX = "pd1:";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    private static final int KEY_ID_BYTES = 8, NONCE_BYTES = 12, TAG_BITS = 128;

    private final PersonalDataKeyRepository keys;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Keys for reading, per dossier (empty: none, or erased). Writing always reads the table. On one
     * node an erasure empties the entry at once; another node forgets its copy within a minute.
     */
    private final Cache<String, Optional<Key>> reading = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    record Key(String id, byte[] secret) {
    }

    public PersonalDataKeys(PersonalDataKeyRepository keys, TransactionTemplate transactions, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether a stored value is enciphered (as opposed to clear text of a version before encryption). */
    static boolean enciphered(String stored) {
        return stored.startsWith(PREFIX);
    }

    /**
     * Enciphers a value with the dossier's key, made when the dossier has none (in the caller's
     * transaction: the event store's). Placeholders and values already enciphered are left as they are.
     */
    String encrypt(String caseId, String plain) {
        if (plain == null || enciphered(plain) || PersonalData.ERASED.equals(plain)) return plain;
        Key key = forWriting(caseId);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(HexFormat.of().parseHex(key.id())).put(nonce).put(sealed);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The clear value; clear text of the previous format as it is; {@link PersonalData#ERASED} when the key is gone. */
    String decrypt(String caseId, String stored) {
        if (stored == null || !enciphered(stored)) return stored;
        Optional<Key> key = caseId == null ? Optional.empty() : reading.get(caseId, this::load);
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return PersonalData.ERASED;
        }
        if (key.isEmpty() || all.length < KEY_ID_BYTES + NONCE_BYTES
                || !HexFormat.of().formatHex(all, 0, KEY_ID_BYTES).equals(key.get().id())) {
            return PersonalData.ERASED;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.get().secret(), "AES"),
                    new GCMParameterSpec(TAG_BITS, all, KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, KEY_ID_BYTES + NONCE_BYTES, all.length - KEY_ID_BYTES - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            log.warn("A personal field of dossier {} does not authenticate with its key: read as erased", caseId);
            return PersonalData.ERASED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private Optional<Key> load(String caseId) {
        return transactions.execute(status -> keys.findById(caseId)
                .filter(k -> k.getSecret() != null).map(k -> new Key(k.getKeyId(), k.getSecret().clone())));
    }

    /** The dossier's key for writing, read from the table (never from the cache); made when missing or erased. */
    private Key forWriting(String caseId) {
        PersonalDataKey row = keys.findById(caseId).orElse(null);
        if (row != null && row.getSecret() != null) return new Key(row.getKeyId(), row.getSecret().clone());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] id = new byte[KEY_ID_BYTES];
        random.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        if (row == null) row = new PersonalDataKey(caseId, keyId, secret, clock.instant());
        else row.renew(keyId, secret);
        keys.saveAndFlush(row);
        forgetAfterCommit(caseId);
        return new Key(keyId, secret.clone());
    }

    /**
     * Deletes the dossier's key (keeping when and why): from then on its personal fields read as
     * erased. Answers the id of the key erased (the same when erased again: nothing more to delete).
     */
    public String erase(String caseId, ErasureGround ground) {
        String keyId = transactions.execute(status -> {
            PersonalDataKey row = keys.findById(caseId).orElse(null);
            if (row == null) row = new PersonalDataKey(caseId, "0000000000000000", null, clock.instant());
            if (row.getSecret() != null || row.getErasedAt() == null) row.erase(clock.instant(), ground);
            keys.saveAndFlush(row);
            forgetAfterCommit(caseId);
            return row.getKeyId();
        });
        reading.invalidate(caseId);
        return keyId;
    }

    /** Whether the dossier's personal data was erased (and not written again since). */
    public boolean erased(String caseId) {
        return keys.findById(caseId).map(k -> k.getErasedAt() != null && k.getSecret() == null).orElse(false);
    }

    private void forgetAfterCommit(String caseId) {
        reading.invalidate(caseId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    reading.invalidate(caseId);
                }
            });
        }
    }
}
