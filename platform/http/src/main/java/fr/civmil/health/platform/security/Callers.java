package fr.civmil.health.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, for resources to hand to the services they call. */
@ApplicationScoped
public class Callers {

    private final JsonWebToken jwt;

    public Callers(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller current() {
        return Caller.of(jwt);
    }
}
