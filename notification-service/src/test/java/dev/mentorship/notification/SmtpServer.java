package dev.mentorship.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free port for the tests, read back through its API; it can be stopped and restarted. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static ServerSetup setup;

    @Override
    public Map<String, String> start() {
        // GreenMail waits 2 s for its server by default: too short on a 2-core machine running other modules' tests
        // beside this one (seen: "Could not start mail server" on a restart, and every later test without mail)
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        restart();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(setup.getPort()),
                "mentorship.notifications.first-retry", "PT1S", "mentorship.notifications.send-timeout", "PT2S");
    }

    public static synchronized GreenMail mail() {
        return greenMail;
    }

    public static synchronized int port() {
        return setup.getPort();
    }

    public static synchronized void stopSmtp() {
        greenMail.stop();
    }

    /** Starts (again) on the same port, keeping nothing of what was received before. */
    public static synchronized void restart() {
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
