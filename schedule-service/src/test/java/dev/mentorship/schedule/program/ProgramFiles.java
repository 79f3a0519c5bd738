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

    public static int reminderCount(ObjectNode program) {
        int count = 0;
        for (var track : program.get("tracks")) {
            for (var milestone : track.get("milestones")) {
                count += milestone.get("reminders").size();
            }
        }
        return count;
    }
}
