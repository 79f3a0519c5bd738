package dev.mentorship.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads a live season into a running local stack for a newcomer to look at: ML4H 2024 and ML4H 2025 replayed (dates
 * shifted so that their author applications close 30 days from today), the demo users (in 2025) and a synthetic
 * population of mentors and mentees per edition registered on all three tracks through the public REST API, one
 * matching run per track computed and published; the two editions' program reports then stand side by side
 * ({@code platform.sh report}). Afterwards the pairings have explanations, the SMTP server holds everyone's mail and the topics hold
 * the events. Run by {@code deploy/local/platform.sh demo}; loading twice reuses what is there.
 */
public final class DemoSeason {

    static final String PROGRAM_NAME = System.getProperty("demo.program", "ML4H 2025 (demo)");
    private static final Random RANDOM = new Random(2025);
    private static final String[] FIRST = {"Amara", "Bruno", "Camila", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ikaika", "Jonas",
        "Kavya", "Lucas", "Mina", "Nikolai", "Olu", "Priya", "Quentin", "Rania", "Sven", "Tomoko", "Uma", "Viktor", "Wen", "Ximena",
        "Yusuf", "Zara", "Aditya", "Beatriz", "Chiara", "Daniel"};
    private static final String[] LAST = {"Okafor", "Silva", "Rossi", "Petrov", "Yilmaz", "Haddad", "Moreno", "Sato", "Kealoha", "Berg",
        "Iyer", "Martin", "Park", "Volkov", "Adeyemi", "Shah", "Dubois", "Nasser", "Lind", "Tanaka", "Rao", "Novak", "Zhang", "Lopez",
        "Demir", "Ahmed", "Kumar", "Costa", "Bianchi", "Cohen"};
    private static final String[] ZONES = {"America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London",
        "Europe/Berlin", "Africa/Lagos", "Asia/Dubai", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney"};
    private static final String[] AFFILIATIONS = {"University of Toronto", "MIT", "Charité Berlin", "ETH Zürich", "Stanford University",
        "University of Lagos", "IIT Delhi", "Tsinghua University", "Mila", "Microsoft Research", "Google Health", "Karolinska Institutet"};
    private static final String[] TOPICS = {"causal inference", "EHR", "medical imaging", "clinical NLP", "time series", "fairness",
        "federated learning", "genomics", "wearables", "survival analysis", "uncertainty", "reinforcement learning"};
    private static final String[][] PAPERS = {
        {"Counterfactual treatment effects in ICU records", "Estimating heterogeneous effects of vasopressors from EHR data."},
        {"Label-efficient tumour segmentation", "Self-supervised pretraining for CT segmentation with few labels."},
        {"Fair risk scores across hospitals", "Auditing and correcting subgroup calibration of sepsis models."},
        {"Clinical notes to structured phenotypes", "Weakly supervised extraction of phenotypes from discharge summaries."},
        {"Forecasting deterioration from wearables", "Multivariate time series models on continuous vital signs."},
        {"Federated survival models", "Training Cox models across hospitals without sharing records."}};
    /** The topics ML4H 2025's career track offers (the program file's list). */
    private static final String[] CAREER_TOPICS = {"work-life balance", "long-term research plan", "healthcare research in industry"};

    private DemoSeason() {
    }

    /** One edition of the conference, replayed: its program file, and the day of that file that becomes today. */
    record Edition(String name, String file, LocalDate today, String prefix, boolean demoUsers) {
    }

    /**
     * ML4H 2024 and ML4H 2025, both replayed from their program files so that their author applications close 30 days
     * from today; the demo users take part in 2025, a synthetic population in both, so that the editions' program
     * reports ({@code platform.sh report}) stand side by side with figures in every column.
     */
    static final List<Edition> EDITIONS = List.of(
            new Edition(System.getProperty("demo.program.2024", "ML4H 2024 (demo)"), "ml4h-2024.json", LocalDate.parse("2024-06-05"), "demo-2024-", false),
            new Edition(PROGRAM_NAME, "ml4h-2025.json", LocalDate.parse("2025-06-05"), "demo-", true));

    public static void main(String[] args) {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String olivia = Keycloak.token("olivia");
        List<String> programIds = new ArrayList<>();
        for (Edition edition : EDITIONS) {
            programIds.add(play(edition, olivia, scale));
        }
        System.out.println();
        System.out.println("look around");
        System.out.println("  anna's mail     curl -s " + Stack.MAIL_API + "/api/user/anna@mentorship.test/messages/ | head -c 2000");
        System.out.println("  anna's pairing  TOKEN=$(deploy/local/platform.sh token anna); curl -s -H \"Authorization: Bearer $TOKEN\" " + Stack.MATCHING + "/me/pairings");
        System.out.println("  the editions    deploy/local/platform.sh report " + String.join(" ", programIds)
                + "   (every service's program report, side by side, as CSV)");
        System.out.println("  Swagger UIs     " + Stack.PARTICIPANTS + "/q/swagger-ui  " + Stack.MATCHING + "/q/swagger-ui  "
                + Stack.SCHEDULE + "/q/swagger-ui  " + Stack.NOTIFICATIONS + "/q/swagger-ui");
        System.out.println("  the topics      see docs/events.md, \"Read the topics now\"");
    }

    /** Loads one edition (or finds it loaded), registers its people, matches each track; returns the program's id. */
    private static String play(Edition edition, String olivia, int scale) {
        JsonNode program = program(olivia, edition);
        String programId = program.get("id").asText();
        Map<String, String> tracks = new HashMap<>();
        program.get("tracks").forEach(t -> tracks.put(t.get("kind").asText(), t.get("trackId").asText()));
        String reg = "/programs/" + programId + "/tracks/";
        // each edition has its own version of the code of conduct, which a registration accepts
        String conduct = program.get("codeOfConduct").get("version").asText();
        LocalDate oneOnOne = oneOnOneWeek(program);
        System.out.println();
        System.out.println("program     " + edition.name() + "  " + Stack.SCHEDULE + "/programs/" + programId);
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.PARTICIPANTS + "/tracks?programId=" + programId, olivia).json().get("total").asInt() == 3,
                "participant-service has not learnt the program's tracks");

        if (edition.demoUsers()) {
            // the realm's demo users, so a newcomer can sign in as one of them and see their side
            register(conduct, "maria", tracks.get("AUTHOR"), reg, "MENTOR", "Europe/Berlin", Map.of("expertise", List.of("causal inference", "EHR"), "capacity", 2));
            register(conduct, "mohammed", tracks.get("AUTHOR"), reg, "MENTOR", "Asia/Dubai", Map.of("expertise", List.of("medical imaging"), "capacity", 2));
            register(conduct, "anna", tracks.get("AUTHOR"), reg, "MENTEE", "America/Los_Angeles", author(0));
            register(conduct, "ben", tracks.get("AUTHOR"), reg, "MENTEE", "Europe/Madrid", author(1));
            register(conduct, "chen", tracks.get("REVIEWER"), reg, "MENTEE", "Asia/Shanghai", Map.of("reviewingExperience", "FEW", "areas", List.of("fairness", "EHR"), "assignedReviewer", true));
            register(conduct, "mei", tracks.get("CAREER"), reg, "MENTOR", "UTC", Map.of("topics", List.of("work-life balance", "healthcare research in industry"),
                    "oneOnOneAvailability", hours(oneOnOne), "capacity", 3));
            register(conduct, "diego", tracks.get("CAREER"), reg, "MENTEE", "America/Sao_Paulo", Map.of("topics", List.of("healthcare research in industry"),
                    "oneOnOneAvailability", hours(oneOnOne)));
        }

        // a synthetic population: more mentees than mentor places on the author track, so some wait
        String p = edition.prefix();
        int people = 0;
        people += population(conduct, p, "author-mentor", 6 * scale, tracks.get("AUTHOR"), reg, "MENTOR", i -> Map.of("expertise", pick(TOPICS, 3), "capacity", 1 + i % 3));
        people += population(conduct, p, "author-mentee", 16 * scale, tracks.get("AUTHOR"), reg, "MENTEE", DemoSeason::author);
        people += population(conduct, p, "reviewer-mentor", 4 * scale, tracks.get("REVIEWER"), reg, "MENTOR", i -> Map.of("expertise", pick(TOPICS, 2), "capacity", 2));
        people += population(conduct, p, "reviewer-mentee", 8 * scale, tracks.get("REVIEWER"), reg, "MENTEE",
                i -> Map.of("reviewingExperience", List.of("NONE", "FEW", "SEVERAL").get(i % 3), "areas", pick(TOPICS, 2),
                        "assignedReviewer", true));
        people += population(conduct, p, "career-mentor", 3 * scale, tracks.get("CAREER"), reg, "MENTOR",
                i -> Map.of("topics", pick(CAREER_TOPICS, 2), "oneOnOneAvailability", hours(oneOnOne), "capacity", 3));
        people += population(conduct, p, "career-mentee", 10 * scale, tracks.get("CAREER"), reg, "MENTEE",
                i -> Map.of("topics", pick(CAREER_TOPICS, 2), "oneOnOneAvailability", hours(oneOnOne)));
        System.out.println("people      " + (people + (edition.demoUsers() ? 7 : 0)) + " registrations ("
                + (edition.demoUsers() ? "7 demo users, " : "") + people + " synthetic, password demo)");

        for (String kind : List.of("AUTHOR", "REVIEWER", "CAREER")) {
            match(olivia, programId, kind, tracks.get(kind));
        }
        return programId;
    }

    private static JsonNode program(String olivia, Edition edition) {
        // every page: a long-lived local stack holds many programs (each test run adds some)
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode programs = Http.get(Stack.SCHEDULE + "/programs?size=100&page=" + page, olivia).json();
            programs.get("items").forEach(all::add);
            if (programs.get("items").size() < 100) {
                break;
            }
        }
        for (JsonNode p : all) {
            if (edition.name().equals(p.get("name").asText())) {
                // a demo program from before programs had staff has none: olivia, an admin, appoints herself
                String id = p.get("id").asText();
                ok(Http.put(Stack.SCHEDULE + "/programs/" + id + "/staff/" + TwoConferencesTest.subject(olivia), olivia,
                        java.util.Map.of("name", "Olivia Organizer", "email", "olivia@mentorship.test",
                                "grants", java.util.List.of("ORGANIZER", "CONDUCT_CONTACT", "CONFIDENTIAL"))), "appointing olivia");
                return Http.get(Stack.SCHEDULE + "/programs/" + id, olivia).json();
            }
        }
        try {
            ObjectNode file = SeasonEndToEndTest.replayed(edition.file(), edition.today(), edition.name());
            String id = ok(Http.post(Stack.SCHEDULE + "/programs", olivia, file), "importing " + edition.name()).get("id").asText();
            return ok(Http.post(Stack.SCHEDULE + "/programs/" + id + "/publish", olivia, null), "publishing " + edition.name());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate oneOnOneWeek(JsonNode program) {
        for (JsonNode track : program.get("tracks")) {
            for (JsonNode m : track.get("milestones")) {
                if ("ONE_ON_ONE_WEEK".equals(m.get("type").asText())) {
                    return LocalDate.parse(m.get("date").asText());
                }
            }
        }
        throw new IllegalStateException(program.get("name").asText() + " has no one-on-one week");
    }

    private static int population(String conduct, String edition, String prefix, int count, String trackId, String reg, String role,
                                  java.util.function.IntFunction<Map<String, Object>> answers) {
        for (int i = 0; i < count; i++) {
            String username = edition + prefix + "-" + (i + 1);
            Keycloak.user(username, FIRST[(prefix.hashCode() & 0xff + i * 7) % FIRST.length], LAST[(i * 11 + prefix.length()) % LAST.length]);
            register(conduct, username, trackId, reg, role, ZONES[RANDOM.nextInt(ZONES.length)], answers.apply(i));
        }
        return count;
    }

    private static void register(String conduct, String user, String trackId, String reg, String role, String zone, Map<String, Object> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("codeOfConductAccepted", true);
        body.put("codeOfConductVersion", conduct);
        body.put("answers", answers);
        body.put("profile", Map.of("affiliation", AFFILIATIONS[RANDOM.nextInt(AFFILIATIONS.length)],
                "careerStage", "MENTOR".equals(role) ? List.of("FACULTY", "SENIOR_RESEARCHER", "INDUSTRY_RESEARCHER", "CLINICIAN").get(RANDOM.nextInt(4))
                        : List.of("PHD_STUDENT", "MASTERS_STUDENT", "POSTDOC").get(RANDOM.nextInt(3)),
                "timeZone", zone, "interests", pick(TOPICS, 3),
                "availability", List.of(Map.of("day", "TUESDAY", "from", "08:00", "to", "20:00"),
                        Map.of("day", "THURSDAY", "from", "12:00", "to", "22:00"))));
        Http.Response response = Http.post(Stack.PARTICIPANTS + reg + trackId + "/registrations", Keycloak.token(user), body);
        if (response.status() != 200 && response.status() != 201) {
            throw new IllegalStateException(user + " could not register: " + response.status() + " " + response.body());
        }
    }

    private static void match(String olivia, String programId, String kind, String trackId) {
        SeasonEndToEndTest.awaitTrue(() -> Http.get(Stack.MATCHING + "/programs/" + programId + "/tracks/" + trackId + "/matching-policy", olivia).status() == 200,
                "matching-service has not learnt the " + kind + " track");
        JsonNode published = Http.get(Stack.MATCHING + "/programs/" + programId + "/tracks/" + trackId + "/pairings", olivia).json();
        if (published.path("total").asInt() > 0) {
            System.out.println(kind.toLowerCase() + " track: matched already (" + published.get("total").asInt() + " pairings)");
            return;
        }
        // matching-service learns registrations from the broker; wait until the run sees them all settle
        JsonNode run = null;
        int seen = -1;
        for (int attempt = 0; attempt < 40; attempt++) {
            run = ok(Http.post(Stack.MATCHING + "/programs/" + programId + "/tracks/" + trackId + "/matching-runs", olivia, null), "a matching run");
            int now = run.at("/report/matched").asInt() + run.at("/report/unmatched").asInt();
            if (now == seen && now > 0) {
                break;
            }
            seen = now;
            SeasonEndToEndTest.sleep(1500);
        }
        ok(Http.post(Stack.MATCHING + "/matching-runs/" + run.get("id").asText() + "/publish", olivia, null), "publishing a run");
        System.out.printf("%-8s    %d pairings, %d waitlisted, run %s%n", kind.toLowerCase(), run.at("/report/matched").asInt(),
                run.at("/report/unmatched").asInt(), Stack.MATCHING + "/matching-runs/" + run.get("id").asText());
        JsonNode first = run.path("proposals").path(0);
        if (!first.isMissingNode()) {
            System.out.println("            e.g. " + first.at("/explanation/summary").asText());
        }
    }

    private static Map<String, Object> author(int i) {
        String[] paper = PAPERS[i % PAPERS.length];
        return Map.of("paperTitle", paper[0], "paperSummary", paper[1], "intendsToSubmit", true);
    }

    /** Two long days free in the one-on-one week, in the person's own time zone (so zones far apart may still overlap). */
    private static List<Map<String, Object>> hours(LocalDate week) {
        int first = RANDOM.nextInt(3);
        return List.of(Map.of("date", week.plusDays(first).toString(), "from", "07:00", "to", "21:00"),
                Map.of("date", week.plusDays(first + 1 + RANDOM.nextInt(2)).toString(), "from", "07:00", "to", "21:00"));
    }

    private static List<String> pick(String[] from, int n) {
        List<String> all = new ArrayList<>(List.of(from));
        java.util.Collections.shuffle(all, RANDOM);
        return all.subList(0, n);
    }

    private static JsonNode ok(Http.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(what + " failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }
}
