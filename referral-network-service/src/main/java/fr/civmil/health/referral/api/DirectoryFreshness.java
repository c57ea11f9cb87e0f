package fr.civmil.health.referral.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import fr.civmil.health.referral.service.DirectoryCache;

/**
 * A write answered by this replica has committed by the time its response is filtered: the directory
 * cache reads the generations it bumped before the client gets the answer, so the client's next search
 * here sees its write without waiting for the commit's notification.
 */
public class DirectoryFreshness {

    private final DirectoryCache cache;

    public DirectoryFreshness(DirectoryCache cache) {
        this.cache = cache;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && response.getStatus() < 400) {
            cache.refresh();
        }
    }
}
