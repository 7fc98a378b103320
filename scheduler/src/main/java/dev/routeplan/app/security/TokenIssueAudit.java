package dev.routeplan.app.security;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Puts every token the embedded authorization server issues on the audit log ({@code TOKEN_ISSUE}):
 * the token endpoint's authentication manager publishes a success event carrying the new access
 * token, on the request's thread. The row names the client and its roles, never the token; tokens
 * printed by {@code routeplan token} reach the log through the {@link TokenSpool} ({@link TokenSpoolImport}).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnExpression("'${routeplan.security.issuer:}' == ''")
class TokenIssueAudit {

    private final Audit audit;

    TokenIssueAudit(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void issued(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof OAuth2AccessTokenAuthenticationToken issued) {
            RegisteredClient client = issued.getRegisteredClient();
            OAuth2AccessToken token = issued.getAccessToken();
            audit.recordAs(client.getClientId(), Set.copyOf(ConfiguredClients.roles(client)), AuditAction.TOKEN_ISSUE,
                    "client " + client.getClientId(), AuditEntry.Outcome.SUCCEEDED,
                    "access token valid until " + token.getExpiresAt());
        }
    }
}
