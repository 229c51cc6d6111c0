package fr.prevexp.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Production partners may present bearer tokens of the configured issuer, with their role and organisation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:bearer;DB_CLOSE_DELAY=-1")
class BearerTokenTest {
    static final KeyPair KEYS;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void client() {
        http = HttpClient.newHttpClient();
    }

    static String token(String subject, String role, String organisation) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("role", role).claim("organisation", organisation)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenCarriesTheRoleAndOrganisation() throws Exception {
        HttpResponse<String> opened = post(token("m.leroy", "CCAPEX", "ddets-93"), "/api/v1/cases", ApiClient.openingNaming("2024-01-10", "etude-durand"));
        assertThat(opened.statusCode()).isEqualTo(201);
        String caseId = opened.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> act = post(token("j.durand", "COMMISSAIRE", "etude-durand"), "/api/v1/cases/" + caseId + "/acts",
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}");
        assertThat(act.statusCode()).isEqualTo(201);
        assertThat(act.body()).contains("\"organisation\":\"etude-durand\"").contains("\"user\":\"j.durand\"");

        HttpResponse<String> wrongTrade = post(token("x", "CAF", "caf-93"), "/api/v1/cases/" + caseId + "/acts",
                "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-02-01\"}");
        assertThat(wrongTrade.statusCode()).isEqualTo(403);

        // A commissaire's genuine token whose claims are rewritten to claim the secretariat's role.
        String[] genuine = token("x", "COMMISSAIRE", "x").split("\\.");
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"x\",\"role\":\"CCAPEX\",\"organisation\":\"x\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        String forgedToken = genuine[0] + "." + claims + "." + genuine[2];
        HttpResponse<String> forged = post(forgedToken, "/api/v1/cases", ApiClient.opening("2024-01-10"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
