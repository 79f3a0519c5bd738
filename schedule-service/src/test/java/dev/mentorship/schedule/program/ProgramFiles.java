package dev.mentorship.schedule.program;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The shipped program files, under a name of their own per test (program names are unique). */
public final class ProgramFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgramFiles() {
    }

    /** e.g. {@code load("ml4h-2025")}, renamed "ML4H 2025 (test 1a2b3c4d)". */
    public static ObjectNode load(String file) {
        try (InputStream in = ProgramFiles.class.getResourceAsStream("/programs/" + file + ".json")) {
            ObjectNode program = (ObjectNode) JSON.readTree(in);
            program.put("name", program.get("name").asText() + " (test " + UUID.randomUUID().toString().substring(0, 8) + ")");
            return program;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int milestoneCount(ObjectNode program) {
        int count = 0;
        for (var track : program.get("tracks")) {
            count += track.get("milestones").size();
        }
        return count;
    }

    /**
     * The DEADLINE reminders a published program plans: every lead time of every milestone, but those of a milestone that
     * closes a survey (its lead times remind only the survey's audience that has not answered, as SURVEY reminders).
     */
    public static int reminderCount(ObjectNode program) {
        int count = 0;
        for (var track : program.get("tracks")) {
            java.util.Set<String> closing = new java.util.HashSet<>();
            for (var survey : track.path("surveys")) {
                closing.add(survey.get("closesWith").asText());
            }
            for (var milestone : track.get("milestones")) {
                if (!closing.contains(milestone.get("key").asText())) {
                    count += milestone.get("reminders").size();
                }
            }
        }
        return count;
    }
}
