package dev.mentorship.runtime.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a problem's {@code type} resolves: {@code GET /problems/validation} answers that kind's section of
 * docs/problems.md (packaged into this module at build time, so the page and the code cannot drift apart), without a
 * token. Left out of the OpenAPI document: it is documentation, not API.
 */
@Path("/problems")
@PermitAll
public class ProblemDocsResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    private static final Map<String, String> SECTIONS = sections(read());

    @GET
    @Path("/{slug}")
    @Produces(MARKDOWN)
    @Operation(hidden = true)
    public String section(@PathParam("slug") String slug) {
        String section = SECTIONS.get(slug);
        if (section == null) {
            throw new NotFoundException("There is no kind of problem named " + slug + ".");
        }
        return section;
    }

    /** Each {@code ## slug} heading of the page and the text under it, up to the next such heading. */
    static Map<String, String> sections(String page) {
        Map<String, String> sections = new LinkedHashMap<>();
        String slug = null;
        StringBuilder text = new StringBuilder();
        for (String line : page.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (slug != null) {
                    sections.put(slug, text.toString().strip() + "\n");
                }
                slug = line.substring(3).strip().split("\\s+")[0].replace("`", "");
                text.setLength(0);
            }
            if (slug != null) {
                text.append(line).append('\n');
            }
        }
        if (slug != null) {
            sections.put(slug, text.toString().strip() + "\n");
        }
        return sections;
    }

    private static String read() {
        try (InputStream in = ProblemDocsResource.class.getResourceAsStream("/META-INF/mentorship/problems.md")) {
            if (in == null) {
                throw new IllegalStateException("docs/problems.md was not packaged into service-runtime");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
