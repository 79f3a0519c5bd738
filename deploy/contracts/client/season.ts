/*
 * A participant's season, as the frontend makes its calls: sign in, list tracks, register for one, read my pairings
 * and why we were paired, confirm a meeting, read my inbox and mark a message read, follow the inbox live.
 *
 * Every path, path parameter, query parameter, request body and response body is typed by the types generated from
 * the services' OpenAPI documents (generated/, by openapi-typescript; deploy/e2e FrontendContractTest), so an API
 * change that breaks this client (a renamed field, path or enum value, a body that changed shape) fails the build.
 * Only Keycloak's token response is typed by hand: Keycloak publishes no OpenAPI document.
 */
import type { components as Participants, paths as ParticipantApi } from "./generated/participant-service";
import type { components as Matching, paths as MatchingApi } from "./generated/matching-service";
import type { components as Schedule, paths as ScheduleApi } from "./generated/schedule-service";
import type { components as Notifications, paths as NotificationApi } from "./generated/notification-service";

/** The local stack (deploy/local/platform.sh up); a deployed frontend takes these from its configuration. */
export const KEYCLOAK_REALM = "http://127.0.0.1:8180/realms/mentorship";
export const TOKEN_ENDPOINT = `${KEYCLOAK_REALM}/protocol/openid-connect/token`;
export const AUTHORIZATION_ENDPOINT = `${KEYCLOAK_REALM}/protocol/openid-connect/auth`;
/** The realm's public client for the frontend: authorization code with PKCE (S256). */
export const CLIENT_ID = "mentorship-frontend";
export const SERVICES = {
    participant: "http://127.0.0.1:8081",
    matching: "http://127.0.0.1:8082",
    schedule: "http://127.0.0.1:8083",
    notification: "http://127.0.0.1:8084",
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Sign in: OpenID Connect authorization code flow with PKCE against Keycloak

/** The token endpoint's successful answer (RFC 6749 section 5.1, OpenID Connect Core 3.1.3.3; Keycloak's extras). */
export interface OidcTokenResponse {
    access_token: string;
    token_type: string;
    expires_in: number;
    refresh_token?: string;
    refresh_expires_in?: number;
    id_token?: string;
    scope?: string;
    session_state?: string;
    "not-before-policy"?: number;
}

/** The token endpoint's error answer (RFC 6749 section 5.2). */
export interface OidcErrorResponse {
    error: string;
    error_description?: string;
}

export interface Session {
    accessToken: string;
    refreshToken?: string;
    /** Epoch milliseconds when the access token expires. */
    expiresAt: number;
}

export interface Pkce {
    verifier: string;
    challenge: string;
}

function base64Url(bytes: Uint8Array): string {
    let binary = "";
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A PKCE verifier and its S256 challenge; keep the verifier (sessionStorage) until the redirect comes back. */
export async function createPkce(): Promise<Pkce> {
    const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/** Where to send the browser to sign in. */
export function authorizationUrl(pkce: Pkce, redirectUri: string, state: string): string {
    const query = new URLSearchParams({
        client_id: CLIENT_ID,
        response_type: "code",
        scope: "openid",
        redirect_uri: redirectUri,
        state,
        code_challenge: pkce.challenge,
        code_challenge_method: "S256",
    });
    return `${AUTHORIZATION_ENDPOINT}?${query}`;
}

async function tokenRequest(form: Record<string, string>): Promise<Session> {
    const response = await fetch(TOKEN_ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams(form),
    });
    if (!response.ok) {
        const error = (await response.json().catch(() => ({ error: `HTTP ${response.status}` }))) as OidcErrorResponse;
        throw new Error(`sign-in failed: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`);
    }
    const tokens = (await response.json()) as OidcTokenResponse;
    return {
        accessToken: tokens.access_token,
        ...(tokens.refresh_token === undefined ? {} : { refreshToken: tokens.refresh_token }),
        expiresAt: Date.now() + tokens.expires_in * 1000,
    };
}

/** Signs in: exchanges the code the redirect brought back for tokens. */
export function signIn(code: string, pkce: Pkce, redirectUri: string): Promise<Session> {
    return tokenRequest({
        grant_type: "authorization_code",
        client_id: CLIENT_ID,
        code,
        code_verifier: pkce.verifier,
        redirect_uri: redirectUri,
    });
}

/** A fresh access token before the current one expires. */
export function refresh(session: Session): Promise<Session> {
    if (session.refreshToken === undefined) {
        throw new Error("no refresh token: sign in again");
    }
    return tokenRequest({ grant_type: "refresh_token", client_id: CLIENT_ID, refresh_token: session.refreshToken });
}

// ---------------------------------------------------------------------------------------------------------------
// Calls, typed by the generated types

/** RFC 9457 problem details: every service answers errors with the same shape. */
export type Problem = Participants["schemas"]["Problem"];

export class ApiError extends Error {
    constructor(readonly status: number, readonly problem: Problem | undefined) {
        super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    }
}

/** The names of a path template's parameters: "/meetings/{meetingId}/confirm" gives "meetingId". */
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
type Query = Record<string, string | number | boolean | undefined>;

/** A URL of one service: the path must be one of the service's paths, the parameters the path's. */
function endpoint<Paths>(base: string) {
    return <P extends keyof Paths & string>(path: P, params: Record<ParamNames<P>, string>, query?: Query): string => {
        const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent((params as Record<string, string>)[name] ?? ""));
        const search = new URLSearchParams();
        Object.entries(query ?? {}).forEach(([key, value]) => value !== undefined && search.set(key, String(value)));
        const encoded = search.toString();
        return `${base}${filled}${encoded.length > 0 ? `?${encoded}` : ""}`;
    };
}

const participant = endpoint<ParticipantApi>(SERVICES.participant);
const matching = endpoint<MatchingApi>(SERVICES.matching);
const schedule = endpoint<ScheduleApi>(SERVICES.schedule);
const notification = endpoint<NotificationApi>(SERVICES.notification);

async function call<T>(session: Session, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.accessToken}`, Accept: "application/json" };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) {
        const problem = response.headers.get("Content-Type")?.includes("json") ? ((await response.json()) as Problem) : undefined;
        throw new ApiError(response.status, problem);
    }
    return (await response.json()) as T;
}

// participant-service ------------------------------------------------------------------------------------------

type ListTracks = ParticipantApi["/tracks"]["get"];
type Register = ParticipantApi["/programs/{programId}/tracks/{trackId}/registrations"]["post"];
export type TrackView = Participants["schemas"]["TrackView"];
export type RegistrationInput = Register["requestBody"]["content"]["application/json"];
export type RegistrationView = Register["responses"][201]["content"]["application/json"];

/** The tracks of published programs, and whether registering is open. */
export function listTracks(session: Session, query: NonNullable<ListTracks["parameters"]["query"]> = {}) {
    return call<ListTracks["responses"][200]["content"]["application/json"]>(session, "GET", participant("/tracks", {}, query));
}

/** Registers me for a track (answers with the registration I have if I registered for this role before). */
export function register(session: Session, where: Register["parameters"]["path"], registration: RegistrationInput) {
    return call<RegistrationView>(session, "POST",
        participant("/programs/{programId}/tracks/{trackId}/registrations", where), registration);
}

// matching-service ---------------------------------------------------------------------------------------------

type ListMyPairings = MatchingApi["/me/pairings"]["get"];
export type MyPairingView = Matching["schemas"]["MyPairingView"];

/** My pairings, each with my partner and why we were paired. */
export function myPairings(session: Session, query: NonNullable<ListMyPairings["parameters"]["query"]> = {}) {
    return call<ListMyPairings["responses"][200]["content"]["application/json"]>(session, "GET", matching("/me/pairings", {}, query));
}

/** How the frontend shows a pairing: the partner, and the explanation's parts. */
export function describePairing(pairing: MyPairingView): string {
    const why = pairing.explanation;
    const shared = [...(why?.sharedTopics ?? []), ...(why?.sharedInterests ?? [])];
    const hours = why?.sharedHours === undefined ? "" : `, ${why.sharedHours.toFixed(1)} h of shared availability`;
    const role = pairing.myRole === "MENTEE" ? "your mentor" : "your mentee";
    const partner = pairing.partner;
    return `${partner?.name ?? "?"} (${partner?.affiliation ?? "no affiliation"}, ${partner?.timeZone ?? "?"}) is ${role}`
        + `${pairing.status === "DISSOLVED" ? " (dissolved)" : ""}: ${why?.summary ?? ""}`
        + `${shared.length > 0 ? `; you share ${shared.join(", ")}` : ""}${hours}`
        + `${(why?.rules ?? []).length > 0 ? ` [${(why?.rules ?? []).join("; ")}]` : ""}`;
}

// schedule-service ---------------------------------------------------------------------------------------------

type ListMyMeetings = ScheduleApi["/me/meetings"]["get"];
type Confirm = ScheduleApi["/meetings/{meetingId}/confirm"]["post"];
export type MeetingView = Schedule["schemas"]["MeetingView"];

/** My meetings, every pairing's. */
export function myMeetings(session: Session, query: NonNullable<ListMyMeetings["parameters"]["query"]> = {}) {
    return call<ListMyMeetings["responses"][200]["content"]["application/json"]>(session, "GET", schedule("/me/meetings", {}, query));
}

/** Confirms a proposed meeting. */
export function confirmMeeting(session: Session, meeting: Confirm["parameters"]["path"]) {
    return call<Confirm["responses"][200]["content"]["application/json"]>(session, "POST",
        schedule("/meetings/{meetingId}/confirm", meeting));
}

// notification-service -----------------------------------------------------------------------------------------

type ListMyNotifications = NotificationApi["/me/notifications"]["get"];
type Read = NotificationApi["/me/notifications/{notificationId}/read"]["post"];
type UnreadCount = NotificationApi["/me/notifications/unread-count"]["get"];
type Stream = NotificationApi["/me/notifications/stream"]["get"];
export type NotificationView = Notifications["schemas"]["NotificationView"];
/** One server-sent event of the live stream: the stream's items, each a new notification of mine. */
export type LiveNotification = Stream["responses"][200]["content"]["text/event-stream"][number];

/** My inbox, newest first. */
export function inbox(session: Session, query: NonNullable<ListMyNotifications["parameters"]["query"]> = {}) {
    return call<ListMyNotifications["responses"][200]["content"]["application/json"]>(session, "GET",
        notification("/me/notifications", {}, query));
}

export function unreadCount(session: Session) {
    return call<UnreadCount["responses"][200]["content"]["application/json"]>(session, "GET",
        notification("/me/notifications/unread-count", {}));
}

/** Marks a message read. */
export function markRead(session: Session, message: Read["parameters"]["path"]) {
    return call<Read["responses"][200]["content"]["application/json"]>(session, "POST",
        notification("/me/notifications/{notificationId}/read", message));
}

/**
 * Follows my inbox live (server-sent events), reconnecting after a dropped connection until `signal` aborts.
 * The browser's EventSource cannot send an Authorization header and the services take the token from that header
 * only, so the stream is read with fetch; each event's data is one notification.
 */
export async function followInbox(session: Session, onNotification: (n: LiveNotification) => void, signal: AbortSignal): Promise<void> {
    const url = notification("/me/notifications/stream", {});
    while (!signal.aborted) {
        try {
            const response = await fetch(url, {
                headers: { Authorization: `Bearer ${session.accessToken}`, Accept: "text/event-stream" },
                signal,
            });
            if (response.status === 401 || response.status === 403) {
                throw new ApiError(response.status, undefined);
            }
            if (!response.ok || response.body === null) {
                throw new Error(`stream answered ${response.status}`);
            }
            await readEvents(response.body, (data) => onNotification(JSON.parse(data) as LiveNotification));
        } catch (e) {
            if (e instanceof ApiError) {
                throw e; // signed out or not allowed: reconnecting will not help
            }
            if (signal.aborted) {
                return;
            }
        }
        // dropped (a deployment, a network change): reconnect, as EventSource would
        await new Promise((resume) => setTimeout(resume, 3000));
    }
}

/** Reads a text/event-stream body, calling back with each event's data. */
async function readEvents(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
        const { value, done } = await reader.read();
        if (done) {
            return;
        }
        // lines end with CRLF, LF or CR; a CR at the end may be the first half of a CRLF still to come
        buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n|\r(?!$)/g, "\n");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
            const data = buffer.slice(0, end).split("\n")
                .filter((line) => line.startsWith("data:"))
                .map((line) => line.slice(5).replace(/^ /, ""))
                .join("\n");
            buffer = buffer.slice(end + 2);
            if (data.length > 0) {
                onData(data);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The season, as one participant's first day: what the frontend's screens show

export async function mySeason(session: Session, log: (line: string) => void, signal: AbortSignal): Promise<void> {
    const tracks = await listTracks(session, { size: 50 });
    for (const track of tracks.items ?? []) {
        log(`${track.conference ?? ""} ${track.programName ?? ""}: ${track.name ?? track.key ?? "?"} (${track.kind ?? "?"})`
            + ` registration ${track.registrationState ?? "?"} until ${track.applicationDeadline ?? "?"}`);
    }

    const open = (tracks.items ?? []).find((t: TrackView) =>
        t.kind === "CAREER" && (t.registrationState === "OPEN" || t.registrationState === "LATE"));
    if (open?.programId !== undefined && open.trackId !== undefined && open.codeOfConductVersion !== undefined) {
        const registration = await register(session, { programId: open.programId, trackId: open.trackId }, {
            role: "MENTEE",
            codeOfConductAccepted: true,
            codeOfConductVersion: open.codeOfConductVersion,
            answers: {
                topics: (open.topics ?? []).slice(0, 2),
                oneOnOneAvailability: [{ date: "2025-12-01", from: "14:00", to: "17:00" }],
            },
        });
        log(`registered for ${open.name ?? "?"} as ${registration.role ?? "?"}: ${registration.status ?? "?"}`
            + `${registration.late ? " (late)" : ""}`);
    }

    const pairings = await myPairings(session);
    (pairings.items ?? []).forEach((pairing) => log(describePairing(pairing)));

    const meetings = await myMeetings(session);
    const proposed = (meetings.items ?? []).find((m: MeetingView) => m.status === "PROPOSED");
    if (proposed?.id !== undefined) {
        const confirmed = await confirmMeeting(session, { meetingId: proposed.id });
        log(`meeting ${confirmed.number ?? "?"} ${confirmed.status ?? "?"}: ${confirmed.startsAt ?? "?"} to ${confirmed.endsAt ?? "?"}`);
    }

    const messages = await inbox(session, { unread: true, size: 20 });
    for (const message of messages.items ?? []) {
        log(`${message.createdAt ?? ""} [${message.category ?? message.kind ?? ""}] ${message.subject ?? ""}`);
    }
    const first = messages.items?.[0];
    if (first?.id !== undefined && !first.read) {
        const read = await markRead(session, { notificationId: first.id });
        log(`read "${read.subject ?? ""}" at ${read.readAt ?? "?"}`);
    }
    log(`${(await unreadCount(session)).unread ?? 0} unread`);

    await followInbox(session, (n) => log(`new: ${n.subject ?? ""}: ${n.body ?? ""}`), signal);
}
