package dev.onair.publisher.teams;

/** Real-shaped new Teams lines for the file-level tests. */
final class TeamsLogStateTestLines {
    static final String PRESENCE_AVAILABLE = presence("Available");
    static final String PRESENCE_BUSY = presence("Busy");
    static final String PRESENCE_DND = presence("DoNotDisturb");
    static final String PRESENCE_AWAY = presence("Away");
    static final String BADGE_BUSY =
            "2026-07-26T11:25:00.000000+01:00 0x00006de8 <INFO> TaskbarBadgeServiceLegacy:Work: "
                    + "SetBadge Setting badge: GlyphBadge{\"busy\"}, overlay: No items, status Busy";
    static final String NOISE = "2026-07-26T11:25:00.000000+01:00 0x00006de8 <INFO> Telemetry: nothing to see";
    static final String CALL_ACTIVE = "2026-07-26T11:30:00.000000+01:00 0x00006de8 <INFO> HfpVoipCallCoordinatorImpl: "
            + "NotifyCallActive callId: d84becb7-4285-4d44-9d4d-e61364d07d11";
    static final String CALL_ENDED = "2026-07-26T11:45:00.100000+01:00 0x00006de8 <INFO> TeamsCallTracker: CallEnded "
            + "fired: d84becb7-4285-4d44-9d4d-e61364d07d11";

    private TeamsLogStateTestLines() {}

    static String presence(String token) {
        return "2026-07-26T11:24:22.599057+01:00 0x00006de8 <INFO> native_modules::UserDataCrossCloudModule: "
                + "Received Action: UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: "
                + token + "}";
    }
}
