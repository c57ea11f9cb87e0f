package fr.civmil.health.bench.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the reference application: ready when it answers. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
