package dev.mentorship.participant.conduct.rest;

import dev.mentorship.participant.conduct.ConductReportInput;
import dev.mentorship.participant.conduct.service.ConductReportService;
import dev.mentorship.participant.registration.service.RegistrationService.Person;
import dev.mentorship.runtime.audit.Audit;
import dev.mentorship.runtime.security.CurrentUser;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramAuthority;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.paging.PageParams;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.idempotency.Idempotency;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.mentorship.runtime.limits.ActionLimits;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/conduct-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conduct reports", description = "Confidential reports of code-of-conduct violations; the program's conduct "
        + "contacts alone read them, never a person a report names")
public class ConductReportResource {

    private final ConductReportService reports;
    private final CurrentUser user;
    private final ProgramAuthority authority;
    private final Audit audit;
    private final Idempotency idempotency;
    private final ActionLimits limits;

    public ConductReportResource(ConductReportService reports, CurrentUser user, ProgramAuthority authority, Audit audit,
                                 Idempotency idempotency, ActionLimits limits) {
        this.reports = reports;
        this.user = user;
        this.authority = authority;
        this.audit = audit;
        this.idempotency = idempotency;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("participant")
    @Operation(summary = "File a confidential report about a program; its conduct contacts are notified (the notice carries no content)")
    @APIResponse(responseCode = "201", description = "Filed; Location names the report",
            headers = @Header(name = Idempotency.REPLAYED, description = Idempotency.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConductReportReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid report (a program this service does not know is invalid too; "
            + "header.Idempotency-Key too)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many conduct reports by this person in a short time; Retry-After says when to retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Idempotency.REUSED_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> fileReport(@NotNull @Valid ConductReportInput input,
                                    @HeaderParam(Idempotency.HEADER) @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER,
                                            description = Idempotency.HEADER_DESCRIPTION,
                                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.MAX_KEY_LENGTH))
                                    String idempotencyKey) {
        Person reporter = new Person(user.id(), user.name(), user.email());
        // the report, its event and the stored answer commit together (the service's transaction joins the key's)
        // each report mails the program's conduct contacts: limited per person (mentorship.limits.conduct-report)
        return idempotency.once(idempotencyKey, input, () -> limits.take(user.id(), "conduct-report")
                .chain(() -> reports.file(reporter, input))
                .map(r -> Response.created(URI.create("/conduct-reports/" + r.id))
                        .entity(new ConductReportReceipt(r.id, r.filedAt,
                                "Thank you. The program's conduct contacts have been notified and will treat your report confidentially."))
                        .build()));
    }

    @GET
    @RolesAllowed("participant")
    @Operation(summary = "A program's reports, newest first (its conduct contacts; reports that name the reader are left out)")
    @APIResponse(responseCode = "200", description = "One page of reports")
    @APIResponse(responseCode = "400", description = "Invalid paging, or no programId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such program of which the caller is a conduct contact",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ConductReportView>> listReports(@NotNull @QueryParam("programId") UUID programId,
                                                    @Valid @BeanParam PageParams paging) {
        return authority.require(programId, Grant.CONDUCT_CONTACT)
                .chain(() -> reports.list(programId, user.id(), paging.page, paging.size))
                .call(page -> audit.read(programId, "CONDUCT_REPORTS_READ", null))
                .map(page -> page.map(ConductReportView::of));
    }

    @GET
    @Path("/{reportId}")
    @RolesAllowed("participant")
    @Operation(summary = "One report (the program's conduct contacts, unless it names the reader)")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConductReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report that the caller may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConductReportView> getReport(@PathParam("reportId") UUID reportId) {
        return reports.get(reportId, user.id())
                .call(report -> authority.require(report.programId, Grant.CONDUCT_CONTACT)
                        .onFailure().transform(hidden -> ProblemException.notFound("There is no conduct report " + reportId + "."))
                        .chain(() -> audit.read(report.programId, "CONDUCT_REPORT_READ", reportId)))
                .map(ConductReportView::of);
    }
}
