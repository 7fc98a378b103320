package dev.routeplan.app.console;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in to the console through the organisation's OIDC provider (authorization code with PKCE):
 * the client registration, read from the issuer's discovery document, and the person it signs in,
 * whose roles claim becomes the API's roles so that the same {@code @PreAuthorize} and role
 * hierarchy decide what the person may do.
 */
final class ConsoleOidcSignIn {

    static final String REGISTRATION_ID = "oidc";
    /** Where the sign-in page's button goes: Spring Security redirects from there to the provider. */
    static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    private ConsoleOidcSignIn() {
    }

    /** Reads the issuer's discovery document now, so a wrong issuer stops the start rather than the first sign-in. */
    static ClientRegistration registration(SecurityProperties security, ConsoleOidcProperties client) {
        if (client.clientId() == null || client.clientId().isBlank()) {
            throw new IllegalStateException("routeplan.security.issuer is set, so the console signs people in through "
                    + "that provider: set routeplan.console.oidc.client-id (and ROUTEPLAN_CONSOLE_OIDC_CLIENT_SECRET)");
        }
        ClientRegistration.Builder registration = ClientRegistrations.fromIssuerLocation(security.issuer().toString())
                .registrationId(REGISTRATION_ID)
                .clientName(client.providerName())
                .clientId(client.clientId())
                .scope("openid", "profile")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (client.confidential()) {
            registration.clientSecret(client.clientSecret());
        } else {
            registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return registration.build();
    }

    /** The person signed in: named by {@code preferred_username} (else {@code sub}), with the roles of the claim and no other authority. */
    static OAuth2UserService<OidcUserRequest, OidcUser> people(ConsoleOidcProperties client) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser person = provider.loadUser(request);
            String name = person.getClaims().get(StandardClaimNames.PREFERRED_USERNAME) instanceof String preferred
                    && !preferred.isBlank() ? StandardClaimNames.PREFERRED_USERNAME : IdTokenClaimNames.SUB;
            List<GrantedAuthority> roles = roles(person.getClaims().get(client.rolesClaim())).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
            return new DefaultOidcUser(roles, person.getIdToken(), person.getUserInfo(), name);
        };
    }

    /**
     * The roles a claim names: a list of role names (as the API's tokens carry them) or one string of
     * names separated by spaces or commas. Names that are not routeplan's roles (the provider's groups
     * for other systems) are ignored.
     */
    static Set<Role> roles(Object claim) {
        Stream<String> names;
        if (claim instanceof Collection<?> values) {
            names = values.stream().map(String::valueOf);
        } else if (claim instanceof String text) {
            names = Arrays.stream(text.split("[\\s,]+"));
        } else {
            names = Stream.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.map(String::trim).forEach(value -> Arrays.stream(Role.values())
                .filter(role -> role.name().equals(value)).findFirst().ifPresent(roles::add));
        return roles;
    }
}
