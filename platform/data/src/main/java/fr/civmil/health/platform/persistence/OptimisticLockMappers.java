package fr.civmil.health.platform.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.platform.problem.ProblemMappers;

/**
 * A concurrent writer committed between the If-Match check and the flush: the version column
 * decided, and the client must read again (412, as for a stale If-Match).
 */
public class OptimisticLockMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException exception, UriInfo uri, HttpHeaders headers) {
        return stale(uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException exception, UriInfo uri, HttpHeaders headers) {
        return stale(uri, headers);
    }

    private Response stale(UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.toResponse(new ApiProblem(412, "precondition-failed.concurrent"), uri, headers);
    }
}
