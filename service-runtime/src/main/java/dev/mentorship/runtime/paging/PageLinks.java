package dev.mentorship.runtime.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Every paged list tells the client where the other pages are ({@code Link}, RFC 8288: first, prev, next, last) and
 * how many items there are in all ({@code X-Total-Count}, also {@code total} in the body), so that a frontend pages
 * without computing URLs. The links keep the request's other query parameters (filters, search).
 */
public class PageLinks {

    private static final String TOTAL_COUNT = "X-Total-Count";

    @ServerResponseFilter
    public void addLinks(ContainerResponseContext response, UriInfo uri) {
        if (!(response.getEntity() instanceof Page<?> page) || response.getStatus() != 200) {
            return;
        }
        response.getHeaders().putSingle(TOTAL_COUNT, Long.toString(page.total()));
        response.getHeaders().putSingle("Link", String.join(", ", links(uri.getRequestUri(), page)));
    }

    static List<String> links(URI request, Page<?> page) {
        long last = page.total() == 0 ? 0 : (page.total() - 1) / page.size();
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(request, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, last, page.size(), "last"));
        return links;
    }

    /** A path-absolute reference (no host: behind a proxy the client resolves it against what it called). */
    private static String link(URI request, long number, int size, String rel) {
        URI target = UriBuilder.fromUri(request).replaceQueryParam("page", number).replaceQueryParam("size", size).build();
        String reference = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return "<" + reference + ">; rel=\"" + rel + "\"";
    }
}
