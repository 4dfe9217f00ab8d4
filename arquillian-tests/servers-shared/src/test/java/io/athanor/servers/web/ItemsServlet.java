package io.athanor.servers.web;

import io.athanor.Session;
import io.athanor.servers.app.ItemsBean;
import io.athanor.servers.app.Tables;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * POST name=...: adds the item through the CMT bean, and answers "bean's session|servlet's session": one
 * session for the whole request. POST reset=true empties the tables.
 */
@WebServlet("/servlet/items")
public class ItemsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    ItemsBean items;
    @EJB
    Tables tables;
    @Inject
    Session session;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        if (req.getParameter("reset") != null) {
            tables.reset();
            return;
        }
        String used = items.required(req.getParameter("name"));
        resp.getWriter().print(used + "|" + session.toString());
    }
}
