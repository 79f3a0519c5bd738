package dev.mentorship.participant;

import dev.mentorship.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Request bodies as the frontend sends them, and the calls tests make most. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> profile(String timeZone) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("affiliation", "University of Testing");
        profile.put("careerStage", "PHD_STUDENT");
        profile.put("timeZone", timeZone);
        profile.put("interests", List.of("Machine-Learning", " machine learning", "EHR", "Causal_Inference"));
        profile.put("interestsText", "Causal methods on electronic health records.");
        profile.put("availability", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "12:00"),
                Map.of("day", "THURSDAY", "from", "15:00", "to", "18:00")));
        return profile;
    }

    public static Map<String, Object> registration(String role, Map<String, Object> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("codeOfConductAccepted", true);
        body.put("codeOfConductVersion", TestPrograms.CODE_OF_CONDUCT_VERSION);
        body.put("answers", answers);
        body.put("profile", profile("Europe/Berlin"));
        return body;
    }

    public static Map<String, Object> authorMentee() {
        return new HashMap<>(Map.of("paperTitle", "Counterfactual risk scores from EHR",
                "paperSummary", "We estimate individual treatment effects on ICU data.", "intendsToSubmit", true));
    }

    public static Map<String, Object> mentor(int capacity) {
        return new HashMap<>(Map.of("expertise", List.of("Causal Inference", "EHR"), "capacity", capacity));
    }

    public static Map<String, Object> reviewerMentee() {
        return new HashMap<>(Map.of("reviewingExperience", "FEW", "areas", List.of("Medical Imaging"), "assignedReviewer", true));
    }

    public static Map<String, Object> careerMentee() {
        return new HashMap<>(Map.of("topics", List.of("Work-Life Balance", "long-term research plan"),
                "oneOnOneAvailability", List.of(Map.of("date", "2099-11-24", "from", "14:00", "to", "17:00"))));
    }

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    /** Registers a participant for a track; returns the response. */
    public static Response register(String user, String programId, String trackId, Map<String, Object> body) {
        return as(Tokens.participant(user)).body(body)
                .when().post("/programs/" + programId + "/tracks/" + trackId + "/registrations");
    }
}
