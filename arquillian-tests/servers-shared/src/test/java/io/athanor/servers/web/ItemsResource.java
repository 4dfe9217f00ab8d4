package io.athanor.servers.web;

import io.athanor.Session;
import io.athanor.servers.model.Item;
import io.athanor.servers.support.Rows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Each request adds an item in a @Transactional method and answers with the session it used. */
@Path("items")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ItemsResource {
    @Inject
    Session session;

    @POST
    @Path("{name}")
    @Transactional
    public String add(@PathParam("name") String name) {
        session.add(new Item(name));
        return session.toString();
    }

    /** A failure after the flush: the transaction rolls back, the response is a 500. */
    @POST
    @Path("{name}/fail")
    @Transactional
    public String addAndFail(@PathParam("name") String name) {
        session.add(new Item(name));
        session.flush();
        throw new IllegalStateException("fails after the flush");
    }

    /** What the table holds, read with plain JDBC: one name a line. */
    @GET
    public String rows() {
        return String.join("\n", Rows.names(Rows.defaultUnit(), "srv_items", "name"));
    }
}
