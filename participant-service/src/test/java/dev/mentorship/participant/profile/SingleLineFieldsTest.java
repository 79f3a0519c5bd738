package dev.mentorship.participant.profile;

import dev.mentorship.participant.Requests;
import dev.mentorship.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mentorship.participant.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A name, an affiliation, a reason is one line: a person cannot store line breaks, control characters or direction
 * overrides that would end up in someone else's mail headers, calendar or screen (issue 17). Refused with 400 naming
 * the field; nothing is stored.
 */
@QuarkusTest
class SingleLineFieldsTest {

    static final List<String> HOSTILE = List.of("Ben\r\nBcc: spy@evil.test", "Ben\nX-Injected: yes", "Ben\rX", "Ben\u2028X",
            "Ben\u2029X", "Ben\u0085X", "Ben\u0000X", "Ben\u001b[31m", "Ben\u007fX", "Ben\u009bX", "Ben\u202eX", "Ben\u2066X",
            "Ben\tX");

    @Test
    void aNameOrAffiliationWithAnyDangerousCharacterIsRefusedAndNothingIsStored() {
        String user = "single-line-sam";
        for (String hostile : HOSTILE) {
            for (String field : List.of("name", "affiliation")) {
                Map<String, Object> profile = new HashMap<>(Requests.profile("UTC"));
                profile.put(field, hostile);
                as(Tokens.participant(user)).body(profile).put("/me").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem(field));
            }
        }
        as(Tokens.participant(user)).get("/me").then().statusCode(404);
        // an ordinary name with accents, apostrophes and scripts is fine
        Map<String, Object> profile = new HashMap<>(Requests.profile("UTC"));
        profile.put("name", "Zoë O'Brien-Nguyễn 李");
        as(Tokens.participant(user)).body(profile).put("/me").then().statusCode(201).body("name", equalTo("Zoë O'Brien-Nguyễn 李"));
    }
}
