package fr.civmil.health.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a bearer token that {@link VerifiedTokens} has already verified, on the thread the
 * request is on. smallrye-jwt's own provider verifies on a worker thread (the JWKS may have to be
 * fetched), a thread hop per request that a cached token does not need; it still handles every other
 * token, since this provider answers nothing for them. The identity is built as that provider builds it.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before smallrye-jwt's provider (priority 0). */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        JsonWebToken jwt = tokens.cached(request.getToken().getToken());
        if (jwt == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute("quarkus.user", jwt);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }
}
