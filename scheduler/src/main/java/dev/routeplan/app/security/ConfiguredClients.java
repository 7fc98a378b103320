package dev.routeplan.app.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The machine clients of the embedded authorization server, from configuration
 * ({@code routeplan.security.clients}): client credentials only, secrets as bcrypt hashes. The
 * list may be empty (then only {@code routeplan token} hands out tokens); clients are not
 * registered at run time.
 */
final class ConfiguredClients implements RegisteredClientRepository {

    private static final String ROLES_SETTING = "routeplan.roles";

    private final Map<String, RegisteredClient> byClientId;

    ConfiguredClients(SecurityProperties properties) {
        Duration ttl = properties.tokenTtl();
        this.byClientId = properties.clients().stream()
                .map(client -> RegisteredClient.withId(client.id())
                        .clientId(client.id())
                        .clientSecret(client.secretHash())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .clientSettings(ClientSettings.builder()
                                .setting(ROLES_SETTING, client.roles().stream().map(Role::name).sorted().toList())
                                .build())
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
                        .build())
                .collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
    }

    static List<String> roles(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(ROLES_SETTING);
        return roles == null ? List.of() : roles;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients come from routeplan.security.clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return byClientId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
