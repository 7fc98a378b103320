package dev.routeplan.app.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Tokens made by hand, each wrong in one way an attacker or a misconfigured client would try, are
 * refused with 401; the same hand-made token with nothing wrong is accepted, so each refusal is
 * about the one thing changed.
 */
@ServiceTest
class ForgedTokensTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SecurityProperties properties;

    @Test
    void acceptsAHandMadeTokenWhenEverythingInItIsRight() throws Exception {
        call(signedWithTheIssuersKey(claims(c -> c))).andExpect(status().isOk());
    }

    @Test
    void refusesATokenNotValidYet() throws Exception {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        refused(signedWithTheIssuersKey(claims(c -> c.issueTime(Date.from(inAnHour)).notBeforeTime(Date.from(inAnHour))
                .expirationTime(Date.from(inAnHour.plus(Duration.ofHours(1)))))));
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        refused(signedWithTheIssuersKey(claims(c -> c.issuer("https://issuer.example.org"))));
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        refused(signedWithTheIssuersKey(claims(c -> c.audience("another-service"))));
    }

    @Test
    void refusesATokenWithoutAnAudience() throws Exception {
        refused(signedWithTheIssuersKey(claims(c -> c.audience(List.of()))));
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() throws Exception {
        refused(new PlainJWT(claims(c -> c)).serialize());
    }

    @Test
    void refusesAnHmacTokenKeyedWithTheIssuersPublicKey() throws Exception {
        // the RS/HS confusion: a verifier that took the algorithm from the token would check this
        // HMAC with the public key, which anyone can read, as the secret
        byte[] publicKey = issuerKey().toRSAPublicKey().getEncoded();
        refused(sign(claims(c -> c), JWSAlgorithm.HS256, new MACSigner(publicKey)));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        RSAKey another = new RSAKeyGenerator(2048).generate();
        refused(sign(claims(c -> c), JWSAlgorithm.RS256, new RSASSASigner(another)));
    }

    @Test
    void refusesATokenWhoseClaimsWereChangedAfterSigning() throws Exception {
        String[] parts = signedWithTheIssuersKey(claims(c -> c)).split("\\.");
        String promoted = SignedJWT.parse(signedWithTheIssuersKey(claims(c -> c.claim(LocalTokens.ROLES_CLAIM, List.of("ADMIN")))))
                .getPayload().toBase64URL().toString();
        refused(parts[0] + "." + promoted + "." + parts[2]);
    }

    private void refused(String token) throws Exception {
        call(token).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.status").value(401));
    }

    private ResultActions call(String token) throws Exception {
        return mvc.perform(get("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** A planner's claims as the embedded issuer puts them, changed by {@code change}. */
    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.expectedIssuer())
                .subject("hand-made")
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim(LocalTokens.ROLES_CLAIM, List.of(Role.PLANNER.name()));
        return change.apply(claims).build();
    }

    private String signedWithTheIssuersKey(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, JWSAlgorithm.RS256, new RSASSASigner(issuerKey()));
    }

    private RSAKey issuerKey() {
        return SigningKey.loadOrCreate(properties.signingKey());
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
