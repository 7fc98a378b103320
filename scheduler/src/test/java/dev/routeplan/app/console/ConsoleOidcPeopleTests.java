package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who the provider's ID token makes of a person in the console: the name shown and the API's roles. */
class ConsoleOidcPeopleTests {

    private static final ConsoleOidcProperties DEFAULTS = new ConsoleOidcProperties("console", null, "roles", "ID");

    @Test
    void takesTheRolesOfTheClaimAndIgnoresValuesThatAreNotRouteplansRoles() {
        assertThat(ConsoleOidcSignIn.roles(List.of("OPS", "PAYROLL_VIEWER", "COMPLIANCE"))).containsExactly(Role.OPS, Role.COMPLIANCE);
        assertThat(ConsoleOidcSignIn.roles("PLANNER, ADMIN finance")).containsExactly(Role.PLANNER, Role.ADMIN);
        // as the API reads its tokens: names as they are spelled, so "ops" is no role
        assertThat(ConsoleOidcSignIn.roles(List.of("ops", "ROLE_OPS"))).isEmpty();
        assertThat(ConsoleOidcSignIn.roles(null)).isEmpty();
        assertThat(ConsoleOidcSignIn.roles(42)).isEmpty();
    }

    @Test
    void namesThePersonByPreferredUsernameAndGivesOnlyTheRolesAsAuthorities() {
        OidcUser person = signIn(DEFAULTS, Map.of("preferred_username", "asha", "roles", List.of("OPS", "PAYROLL_VIEWER")));

        assertThat(person.getName()).isEqualTo("asha");
        assertThat(person.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPS");
    }

    @Test
    void namesThePersonBySubjectWithoutAPreferredUsernameAndReadsTheConfiguredClaim() {
        ConsoleOidcProperties groups = new ConsoleOidcProperties("console", null, "routeplan_groups", "ID");

        OidcUser person = signIn(groups, Map.of("routeplan_groups", "PLANNER", "roles", List.of("ADMIN")));

        assertThat(person.getName()).isEqualTo("u-2002");
        assertThat(person.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PLANNER");
    }

    @Test
    void keepsTheSecretOutOfTheTextOfTheSettings() {
        ConsoleOidcProperties confidential = new ConsoleOidcProperties("console", "s3cret-value", "roles", "ID");

        assertThat(confidential.toString()).doesNotContain("s3cret-value").contains("clientSecret=(set)");
    }

    /** The person an ID token of subject u-2002 with {@code claims} signs in as (no userinfo endpoint: the token alone). */
    private static OidcUser signIn(ConsoleOidcProperties client, Map<String, Object> claims) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ConsoleOidcSignIn.REGISTRATION_ID)
                .clientId("console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri("http://localhost/authorize")
                .tokenUri("http://localhost/token")
                .build();
        Instant now = Instant.now();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(60),
                Set.of("openid", "profile"));
        OidcIdToken idToken = OidcIdToken.withTokenValue("id").subject("u-2002").issuedAt(now).expiresAt(now.plusSeconds(60))
                .claims(all -> all.putAll(claims)).build();
        return ConsoleOidcSignIn.people(client).loadUser(new OidcUserRequest(registration, access, idToken));
    }
}
