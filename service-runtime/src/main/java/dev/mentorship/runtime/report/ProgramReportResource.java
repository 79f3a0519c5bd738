package dev.mentorship.runtime.report;

import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The program report, served the same way by every service from its own {@link ProgramReporter}: this service's part of
 * how a program went, for the program's organizers, as JSON or CSV, and editions side by side.
 */
@Path("/programs/{programId}/report")
@RolesAllowed("participant")
@Tag(name = "Program report (organizers)", description = "How a program went, as far as this service knows: per track, "
        + "as JSON or CSV, editions side by side; the same figures are Prometheus gauges")
public class ProgramReportResource {

    /** More editions than this side by side is not a report anyone reads; it would only multiply the work. */
    static final int MAX_EDITIONS = 6;

    private final ProgramReporter reporter;
    private final ProgramAuthority authority;

    public ProgramReportResource(ProgramReporter reporter, ProgramAuthority authority) {
        this.reporter = reporter;
        this.authority = authority;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE})
    @Operation(summary = "This service's report of a program, per track (the program's organizers); with compareWith, "
            + "editions side by side, tracks lined up by their key. JSON, or CSV with Accept: text/csv or format=csv")
    // anyOf, not oneOf: the two share fields (service), so a validator could not prove them exclusive (Redocly refuses it)
    @APIResponse(responseCode = "200", description = "The report (ProgramReport), or with compareWith the editions side by side (ReportComparison)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {ProgramReport.class, ReportComparison.class})),
                    @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Too many editions, the same program twice, or an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A program named that the caller does not organize",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(@PathParam("programId") UUID programId,
                                @Parameter(description = "Another edition to set beside this one (repeatable; the caller must organize it too)")
                                @QueryParam("compareWith") List<String> compareWith,
                                @Parameter(description = "csv or json; overrides the Accept header") @QueryParam("format") String format,
                                HttpHeaders headers) {
        Set<UUID> programs = new LinkedHashSet<>();
        programs.add(programId);
        if (compareWith != null) {
            for (String other : compareWith) {
                UUID id;
                try {
                    id = UUID.fromString(other.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("compareWith", "must be a program's id (a UUID), not \"" + abbreviated(other) + "\"");
                }
                if (!programs.add(id)) {
                    throw new InvalidRequestException("compareWith", "names a program twice (or this report's own program)");
                }
            }
        }
        if (programs.size() > MAX_EDITIONS) {
            throw new InvalidRequestException("compareWith", "at most " + (MAX_EDITIONS - 1) + " other editions side by side");
        }
        boolean csv = csv(format, headers);
        Uni<Void> allowed = Uni.createFrom().voidItem();
        for (UUID program : programs) {
            allowed = allowed.chain(() -> authority.require(program, Grant.ORGANIZER));
        }
        return allowed.chain(() -> reports(new ArrayList<>(programs))).map(reports -> {
            if (reports.size() == 1) {
                ProgramReport report = reports.get(0);
                return csv ? csvResponse(ReportCsv.of(report)) : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
            }
            ReportComparison comparison = ReportComparison.of(reports);
            return csv ? csvResponse(ReportCsv.of(comparison)) : Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private Uni<List<ProgramReport>> reports(List<UUID> programs) {
        return Panache.withSession(() -> {
            Uni<List<ProgramReport>> all = Uni.createFrom().item(new ArrayList<>());
            for (UUID program : programs) {
                all = all.chain(list -> reporter.report(program).map(r -> {
                    list.add(r);
                    return list;
                }));
            }
            return all;
        });
    }

    private static String abbreviated(String s) {
        String line = s.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidRequestException("format", "must be csv or json");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return false;
            }
            if ("text".equals(accepted.getType()) && "csv".equals(accepted.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private static Response csvResponse(String body) {
        return Response.ok(body, ReportCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"program-report.csv\"").build();
    }
}
