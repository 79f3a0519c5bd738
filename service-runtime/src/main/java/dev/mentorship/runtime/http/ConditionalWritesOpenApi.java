package dev.mentorship.runtime.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Declares the conditional writes of {@link Preconditions} in every service's OpenAPI document, in one place: each
 * operation that takes {@code If-Match} gets the parameter's description and its 412 and 428 answers; its 2xx answers,
 * the GET of the same path (or of the list of such resources) and the POST actions on it declare the {@code ETag} header; every 429 answer declares its {@code Retry-After}. Runs at build time, so the stored document
 * ({@code target/openapi/openapi.yaml}) that clients generate from has it too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ConditionalWritesOpenApi implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        java.util.Set<String> conditionalPaths = new java.util.HashSet<>();
        for (Map.Entry<String, PathItem> entry : paths.entrySet()) {
            PathItem item = entry.getValue();
            for (Operation write : new Operation[]{item.getPUT(), item.getPATCH(), item.getDELETE()}) {
                if (write != null && takesHeader(write, Preconditions.IF_MATCH)) {
                    boolean delete = write == item.getDELETE();
                    describeIfMatch(write, !delete);
                    if (!delete) {
                        conditionalPaths.add(entry.getKey());
                        tagSuccesses(write);
                    }
                }
            }
        }
        for (Map.Entry<String, PathItem> entry : paths.entrySet()) {
            String path = entry.getKey();
            PathItem item = entry.getValue();
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            boolean collectionOfConditional = conditionalPaths.stream()
                    .anyMatch(p -> p.startsWith(path + "/{") && p.indexOf('/', path.length() + 1) < 0);
            // the resource itself, the list whose members are changed one by one (a program's staff), and the
            // actions on a conditional resource (a meeting's confirm, cancel, held), which answer it with its new ETag
            if (item.getGET() != null && (conditionalPaths.contains(path) || collectionOfConditional)) {
                tagSuccesses(item.getGET());
            }
            if (item.getPOST() != null && conditionalPaths.contains(parent)) {
                tagSuccesses(item.getPOST());
            }
            for (Operation any : item.getOperations().values()) {
                APIResponse limited = any.getResponses() == null ? null : any.getResponses().getAPIResponse("429");
                if (limited != null && (limited.getHeaders() == null || !limited.getHeaders().containsKey("Retry-After"))) {
                    limited.addHeader("Retry-After", OASFactory.createHeader()
                            .description("Seconds to wait before sending it again")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
                }
            }
        }
    }

    private static boolean takesHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void describeIfMatch(Operation operation, boolean required) {
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && Preconditions.IF_MATCH.equalsIgnoreCase(p.getName()))
                .forEach(p -> p.description(required
                        ? "The ETag of the resource as last read (\"7\"), or *. Required to change something that exists "
                        + "(428 without it), refused when it changed since (412); not needed to create."
                        : "Optional: the ETag as last read; refused when it changed since (412)."));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("412")) {
            responses.addAPIResponse("412", problem("It changed since it was read (If-Match is stale), or two changes "
                    + "came at once and the other won: read it again"));
        }
        if (required && !responses.hasAPIResponse("428")) {
            responses.addAPIResponse("428", problem("If-Match is missing: it is required to change something that exists"));
        }
    }

    private static void tagSuccesses(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && !status.equals("204")
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(Preconditions.ETAG))) {
                Header etag = OASFactory.createHeader()
                        .description("The resource's version, to send back as If-Match to change it")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                response.addHeader(Preconditions.ETAG, etag);
            }
        });
    }

    static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(dev.mentorship.runtime.problem.Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
