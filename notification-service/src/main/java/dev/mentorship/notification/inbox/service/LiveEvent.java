package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.Notification;

/** What a person's live stream carries: their new notifications, heartbeats, and why it ended when it ends on its own. */
public sealed interface LiveEvent {

    /** A new inbox entry of the stream's owner. */
    record NewNotification(Notification notification) implements LiveEvent {
    }

    /** Nothing happened for a while: keeps the connection alive, and finds clients that are gone. */
    record Heartbeat() implements LiveEvent {
    }

    /** The last event of a stream that the service ends. */
    record Ended(Why why) implements LiveEvent {
    }

    enum Why {
        /** The token that opened the stream expired: reconnecting with a fresh one continues. */
        EXPIRED,
        /** The person's data was erased (ParticipantErased). */
        ERASED
    }

    LiveEvent HEARTBEAT = new Heartbeat();
}
