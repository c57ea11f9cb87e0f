package fr.civmil.health.platform.tracing;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Puts the verified caller's subject (the token's {@code sub}, a pseudonymous account id, never a name) in the
 * logging context once a request's token is verified: lines written after that say who was calling.
 */
@Singleton
public class SubjectLogging implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        // The subject, not the principal's name: that may be the token's preferred_username or upn, a person's.
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            MDC.put(HttpTracing.SUBJECT, token.getSubject());
        }
        return Uni.createFrom().item(identity);
    }
}
