//! The `KalturaReportType` catalog: every id of the official enum (as the
//! kaltura-client 21.20.0 package lists it), each with the dimension its
//! table groups by and the metric columns it answers. Kaltura computes
//! most of these from data the fixtures do not have (registrations,
//! interactive video, storage…); those answer the generic by-date report
//! over the plays fact table so every id still yields a well-formed table.

use super::metrics::Metric::{self, *};

/// What a report's table rows are keyed by, and therefore its leading
/// columns and what `objectIds` restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// `object_id,entry_name`.
    Entry,
    /// The entry's owner (`userId` in entries): `creator_name`.
    Owner,
    /// The viewer: `name` (`Unknown` for anonymous viewers).
    User,
    Country,
    /// `country,region`.
    Region,
    /// `country,region,city`.
    City,
    Device,
    Os,
    OsFamily,
    Browser,
    BrowserFamily,
    Application,
    ErrorCode,
    /// `date_id` at the filter's interval.
    Date,
    /// One row, metrics only.
    Total,
    /// PERCENTILES: the retention curve of `objectIds`, not the plays.
    Percentile,
}

impl Dim {
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Dim::Entry => &["object_id", "entry_name"],
            Dim::Owner => &["creator_name"],
            Dim::User => &["name"],
            Dim::Country => &["country"],
            Dim::Region => &["country", "region"],
            Dim::City => &["country", "region", "city"],
            Dim::Device => &["device"],
            Dim::Os => &["os"],
            Dim::OsFamily => &["os_family"],
            Dim::Browser => &["browser"],
            Dim::BrowserFamily => &["browser_family"],
            Dim::Application => &["application"],
            Dim::ErrorCode => &["error_code"],
            Dim::Date => &["date_id"],
            Dim::Total => &[],
            Dim::Percentile => &["percentile"],
        }
    }
}

/// One enum value: wire id, enum name, table dimension, metric columns.
#[derive(Debug, Clone, Copy)]
pub struct ReportSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub dim: Dim,
    pub metrics: &'static [Metric],
}

impl ReportSpec {
    /// Realtime reports (10001…) look at the last day only.
    pub fn is_realtime(&self) -> bool {
        self.id
            .parse::<u32>()
            .is_ok_and(|id| (10_000..20_000).contains(&id))
    }

    /// Whether the report has a shape of its own rather than the generic
    /// by-date fallback.
    pub fn is_specific(&self) -> bool {
        !(self.dim == Dim::Date && self.metrics == GENERIC)
    }
}

pub fn find(id: &str) -> Option<&'static ReportSpec> {
    REPORT_TYPES.iter().find(|spec| spec.id == id)
}

pub const TOP_CONTENT: &[Metric] = &[
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    CountLoads,
    LoadPlayRatio,
    AvgViewDropOff,
    UniqueKnownUsers,
    SumViewPeriod,
    AvgViewPeriodTime,
    AvgCompletionRate,
];
pub const DROPOFF: &[Metric] = &[
    CountPlays,
    CountPlays25,
    CountPlays50,
    CountPlays75,
    CountPlays100,
    PlayThroughRatio,
];
pub const GEO: &[Metric] = &[
    CountPlays,
    UniqueKnownUsers,
    AvgCompletionRate,
    SumTimeViewed,
];
pub const PLATFORM: &[Metric] = &[
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    CountLoads,
    LoadPlayRatio,
    AvgViewDropOff,
    UniqueKnownUsers,
    AvgCompletionRate,
];
pub const USERS: &[Metric] = &[
    UniqueVideos,
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    AvgViewDropOff,
    CountLoads,
    LoadPlayRatio,
    AvgCompletionRate,
];
pub const CREATORS: &[Metric] = &[
    UniqueVideos,
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    CountLoads,
    UniqueKnownUsers,
    AvgCompletionRate,
];
pub const TIMELINE: &[Metric] = &[
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    CountLoads,
    UniqueKnownUsers,
    AvgViewDropOff,
    AvgCompletionRate,
];
pub const GENERIC: &[Metric] = &[
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    CountLoads,
    UniqueKnownUsers,
    AvgCompletionRate,
];
pub const QOE_OVERVIEW: &[Metric] = &[
    CountPlays,
    AvgBitrate,
    SumBufferTime,
    BufferTimeRatio,
    AvgJoinTime,
    CountErrors,
    ErrorRate,
];
pub const QOE_EXPERIENCE: &[Metric] = &[
    CountPlays,
    AvgJoinTime,
    SumBufferTime,
    BufferTimeRatio,
    CountErrors,
    ErrorRate,
];
pub const QOE_ENGAGEMENT: &[Metric] = &[
    CountPlays,
    SumTimeViewed,
    AvgTimeViewed,
    AvgCompletionRate,
    UniqueKnownUsers,
    BufferTimeRatio,
];
pub const QOE_STREAM: &[Metric] = &[CountPlays, AvgBitrate, SumBufferTime, BufferTimeRatio];
pub const QOE_ERRORS: &[Metric] = &[CountPlays, CountErrors, ErrorRate];
pub const REALTIME: &[Metric] = &[
    ViewUniqueAudience,
    Views,
    SumViewTime,
    AvgViewBitrate,
    ViewBufferTimeRatio,
];
/// PERCENTILES reads retention.csv; its columns are not play metrics.
pub const RETENTION: &[Metric] = &[];

const fn r(
    id: &'static str,
    name: &'static str,
    dim: Dim,
    metrics: &'static [Metric],
) -> ReportSpec {
    ReportSpec {
        id,
        name,
        dim,
        metrics,
    }
}

use Dim::*;

/// The whole `KalturaReportType` enum, in its order.
pub const REPORT_TYPES: &[ReportSpec] = &[
    r("1", "TOP_CONTENT", Entry, TOP_CONTENT),
    r("2", "CONTENT_DROPOFF", Entry, DROPOFF),
    r("3", "CONTENT_INTERACTIONS", Entry, GENERIC),
    r("4", "MAP_OVERLAY", Country, GEO),
    r("5", "TOP_CONTRIBUTORS", Owner, CREATORS),
    r("6", "TOP_SYNDICATION", Date, GENERIC),
    r("7", "CONTENT_CONTRIBUTIONS", Date, GENERIC),
    r("11", "USER_ENGAGEMENT", User, USERS),
    r("12", "SPECIFIC_USER_ENGAGEMENT", User, USERS),
    r("13", "USER_TOP_CONTENT", User, USERS),
    r("14", "USER_CONTENT_DROPOFF", User, DROPOFF),
    r("15", "USER_CONTENT_INTERACTIONS", User, GENERIC),
    r("16", "APPLICATIONS", Application, PLATFORM),
    r("17", "USER_USAGE", User, USERS),
    r("18", "SPECIFIC_USER_USAGE", User, USERS),
    r("19", "VAR_USAGE", Date, GENERIC),
    r("20", "TOP_CREATORS", Owner, CREATORS),
    r("21", "PLATFORMS", Device, PLATFORM),
    r("22", "OPERATING_SYSTEM", Os, PLATFORM),
    r("23", "BROWSERS", Browser, PLATFORM),
    r("24", "LIVE", Entry, GENERIC),
    r("25", "TOP_PLAYBACK_CONTEXT", Date, GENERIC),
    r("26", "VPAAS_USAGE", Date, GENERIC),
    r("27", "ENTRY_USAGE", Date, GENERIC),
    r("28", "REACH_USAGE", Date, GENERIC),
    r("29", "TOP_CUSTOM_VAR1", Date, GENERIC),
    r("30", "MAP_OVERLAY_CITY", City, GEO),
    r("32", "OPERATING_SYSTEM_FAMILIES", OsFamily, PLATFORM),
    r("33", "BROWSERS_FAMILIES", BrowserFamily, PLATFORM),
    r("34", "USER_ENGAGEMENT_TIMELINE", Date, TIMELINE),
    r("35", "UNIQUE_USERS_PLAY", User, USERS),
    r("36", "MAP_OVERLAY_COUNTRY", Country, GEO),
    r("37", "MAP_OVERLAY_REGION", Region, GEO),
    r("38", "TOP_CONTENT_CREATOR", Owner, CREATORS),
    r("39", "TOP_CONTENT_CONTRIBUTORS", Owner, CREATORS),
    r("40", "APP_DOMAIN_UNIQUE_ACTIVE_USERS", User, USERS),
    r("41", "TOP_SOURCES", Date, GENERIC),
    r("42", "VPAAS_USAGE_MULTI", Date, GENERIC),
    r("43", "PERCENTILES", Percentile, RETENTION),
    r("44", "CONTENT_REPORT_REASONS", Date, GENERIC),
    r("45", "PLAYER_RELATED_INTERACTIONS", Date, GENERIC),
    r("46", "PLAYBACK_RATE", Date, GENERIC),
    r("47", "TOP_USER_CONTENT", Entry, TOP_CONTENT),
    r("48", "USER_HIGHLIGHTS", User, USERS),
    r("49", "USER_INTERACTIVE_VIDEO", Date, GENERIC),
    r("50", "INTERACTIVE_VIDEO_TOP_NODES", Date, GENERIC),
    r("51", "LATEST_PLAYED_ENTRIES", Entry, TOP_CONTENT),
    r("52", "CATEGORY_HIGHLIGHTS", Date, GENERIC),
    r("53", "SUB_CATEGORIES", Date, GENERIC),
    r("54", "INTERACTIVE_VIDEO_NODE_TOP_HOTSPOTS", Date, GENERIC),
    r(
        "55",
        "INTERCATIVE_VIDEO_NODE_SWITCH_TOP_HOTSPOTS",
        Date,
        GENERIC,
    ),
    r(
        "56",
        "INTERACTIVE_VIDEO_HOTSPOT_CLICKED_PERCENTILES",
        Date,
        GENERIC,
    ),
    r(
        "57",
        "INTERACTIVE_VIDEO_NODE_SWITCH_HOTSPOT_CLICKED_PERCENTILES",
        Date,
        GENERIC,
    ),
    r("58", "TOP_CUSTOM_VAR2", Date, GENERIC),
    r("59", "TOP_CUSTOM_VAR3", Date, GENERIC),
    r("60", "SELF_SERVE_USAGE", Date, GENERIC),
    r("61", "FLAVOR_PARAMS_TRANSCODING_USAGE", Date, GENERIC),
    r("62", "PLAYER_HIGHLIGHTS", Date, GENERIC),
    r("63", "PARTNER_USAGE_HIGHLIGHTS", Date, GENERIC),
    r("64", "CDN_BANDWIDTH_USAGE", Date, GENERIC),
    r("65", "REACH_CATALOG_USAGE", Date, GENERIC),
    r("66", "REACH_PROFILE_USAGE", Date, GENERIC),
    r("67", "SELF_SERVE_BANDWIDTH", Date, GENERIC),
    r("68", "PARTNER_USAGE_SF", Date, GENERIC),
    r("201", "PARTNER_USAGE", Date, GENERIC),
    r("10001", "MAP_OVERLAY_COUNTRY_REALTIME", Country, REALTIME),
    r("10002", "MAP_OVERLAY_REGION_REALTIME", Region, REALTIME),
    r("10003", "MAP_OVERLAY_CITY_REALTIME", City, REALTIME),
    r("10004", "PLATFORMS_REALTIME", Device, REALTIME),
    r("10005", "USERS_OVERVIEW_REALTIME", Total, REALTIME),
    r("10006", "QOS_OVERVIEW_REALTIME", Total, REALTIME),
    r("10007", "DISCOVERY_REALTIME", Total, REALTIME),
    r(
        "10008",
        "ENTRY_LEVEL_USERS_DISCOVERY_REALTIME",
        User,
        REALTIME,
    ),
    r("10009", "ENTRY_LEVEL_USERS_STATUS_REALTIME", User, REALTIME),
    r("10010", "PLATFORMS_DISCOVERY_REALTIME", Device, REALTIME),
    r("10011", "PLAYBACK_TYPE_REALTIME", Total, REALTIME),
    r("10012", "CONTENT_REALTIME", Entry, REALTIME),
    r("10013", "DISCOVERY_VIEW_REALTIME", Total, REALTIME),
    r("10014", "TOP_ENDED_BROADCAST_ENTRIES", Entry, REALTIME),
    r("10015", "TOP_LIVE_NOW_ENTRIES", Entry, REALTIME),
    r(
        "10016",
        "LIVE_MEETING_USERS_OVERVIEW_REALTIME",
        User,
        REALTIME,
    ),
    r("20001", "CONTENT_DROPOFF_VPAAS", Entry, DROPOFF),
    r("20002", "TOP_SYNDICATION_VPAAS", Date, GENERIC),
    r("20003", "USER_TOP_CONTENT_VPAAS", User, USERS),
    r("20004", "USER_USAGE_VPAAS", User, USERS),
    r("20005", "PLATFORMS_VPAAS", Device, PLATFORM),
    r("20006", "OPERATING_SYSTEM_VPAAS", Os, PLATFORM),
    r("20007", "BROWSERS_VPAAS", Browser, PLATFORM),
    r(
        "20008",
        "OPERATING_SYSTEM_FAMILIES_VPAAS",
        OsFamily,
        PLATFORM,
    ),
    r("20009", "BROWSERS_FAMILIES_VPAAS", BrowserFamily, PLATFORM),
    r("20010", "USER_ENGAGEMENT_TIMELINE_VPAAS", Date, TIMELINE),
    r("20011", "UNIQUE_USERS_PLAY_VPAAS", User, USERS),
    r("20012", "MAP_OVERLAY_COUNTRY_VPAAS", Country, GEO),
    r("20013", "MAP_OVERLAY_REGION_VPAAS", Region, GEO),
    r("20014", "MAP_OVERLAY_CITY_VPAAS", City, GEO),
    r("20015", "TOP_CONTENT_CREATOR_VPAAS", Owner, CREATORS),
    r("20016", "TOP_CONTENT_CONTRIBUTORS_VPAAS", Owner, CREATORS),
    r("20017", "TOP_SOURCES_VPAAS", Date, GENERIC),
    r("20018", "CONTENT_REPORT_REASONS_VPAAS", Date, GENERIC),
    r("20019", "PLAYER_RELATED_INTERACTIONS_VPAAS", Date, GENERIC),
    r("20020", "PLAYBACK_RATE_VPAAS", Date, GENERIC),
    r("20021", "PARTNER_USAGE_VPAAS", Date, GENERIC),
    r("20022", "TOP_PLAYBACK_CONTEXT_VPAAS", Date, GENERIC),
    r("20023", "SELF_SERVE_USAGE_VPAAS", Date, GENERIC),
    r("30001", "QOE_OVERVIEW", Date, QOE_OVERVIEW),
    r("30002", "QOE_EXPERIENCE", Date, QOE_EXPERIENCE),
    r("30003", "QOE_EXPERIENCE_PLATFORMS", Device, QOE_EXPERIENCE),
    r("30004", "QOE_EXPERIENCE_COUNTRY", Country, QOE_EXPERIENCE),
    r("30005", "QOE_EXPERIENCE_REGION", Region, QOE_EXPERIENCE),
    r("30006", "QOE_EXPERIENCE_CITY", City, QOE_EXPERIENCE),
    r(
        "30007",
        "QOE_EXPERIENCE_BROWSERS_FAMILIES",
        BrowserFamily,
        QOE_EXPERIENCE,
    ),
    r("30008", "QOE_EXPERIENCE_BROWSERS", Browser, QOE_EXPERIENCE),
    r(
        "30009",
        "QOE_EXPERIENCE_OPERATING_SYSTEM_FAMILIES",
        OsFamily,
        QOE_EXPERIENCE,
    ),
    r(
        "30010",
        "QOE_EXPERIENCE_OPERATING_SYSTEM",
        Os,
        QOE_EXPERIENCE,
    ),
    r(
        "30011",
        "QOE_EXPERIENCE_PLAYER_VERSION",
        Date,
        QOE_EXPERIENCE,
    ),
    r("30012", "QOE_EXPERIENCE_ENTRY", Entry, QOE_EXPERIENCE),
    r("30013", "QOE_EXPERIENCE_ISP", Date, QOE_EXPERIENCE),
    r("30014", "QOE_ENGAGEMENT", Date, QOE_ENGAGEMENT),
    r("30015", "QOE_ENGAGEMENT_PLATFORMS", Device, QOE_ENGAGEMENT),
    r("30016", "QOE_ENGAGEMENT_COUNTRY", Country, QOE_ENGAGEMENT),
    r("30017", "QOE_ENGAGEMENT_REGION", Region, QOE_ENGAGEMENT),
    r("30018", "QOE_ENGAGEMENT_CITY", City, QOE_ENGAGEMENT),
    r(
        "30019",
        "QOE_ENGAGEMENT_BROWSERS_FAMILIES",
        BrowserFamily,
        QOE_ENGAGEMENT,
    ),
    r("30020", "QOE_ENGAGEMENT_BROWSERS", Browser, QOE_ENGAGEMENT),
    r(
        "30021",
        "QOE_ENGAGEMENT_OPERATING_SYSTEM_FAMILIES",
        OsFamily,
        QOE_ENGAGEMENT,
    ),
    r(
        "30022",
        "QOE_ENGAGEMENT_OPERATING_SYSTEM",
        Os,
        QOE_ENGAGEMENT,
    ),
    r(
        "30023",
        "QOE_ENGAGEMENT_PLAYER_VERSION",
        Date,
        QOE_ENGAGEMENT,
    ),
    r("30024", "QOE_ENGAGEMENT_ENTRY", Entry, QOE_ENGAGEMENT),
    r("30025", "QOE_ENGAGEMENT_ISP", Date, QOE_ENGAGEMENT),
    r("30026", "QOE_STREAM_QUALITY", Date, QOE_STREAM),
    r("30027", "QOE_STREAM_QUALITY_PLATFORMS", Device, QOE_STREAM),
    r("30028", "QOE_STREAM_QUALITY_COUNTRY", Country, QOE_STREAM),
    r("30029", "QOE_STREAM_QUALITY_REGION", Region, QOE_STREAM),
    r("30030", "QOE_STREAM_QUALITY_CITY", City, QOE_STREAM),
    r(
        "30031",
        "QOE_STREAM_QUALITY_BROWSERS_FAMILIES",
        BrowserFamily,
        QOE_STREAM,
    ),
    r("30032", "QOE_STREAM_QUALITY_BROWSERS", Browser, QOE_STREAM),
    r(
        "30033",
        "QOE_STREAM_QUALITY_OPERATING_SYSTEM_FAMILIES",
        OsFamily,
        QOE_STREAM,
    ),
    r(
        "30034",
        "QOE_STREAM_QUALITY_OPERATING_SYSTEM",
        Os,
        QOE_STREAM,
    ),
    r(
        "30035",
        "QOE_STREAM_QUALITY_PLAYER_VERSION",
        Date,
        QOE_STREAM,
    ),
    r("30036", "QOE_STREAM_QUALITY_ENTRY", Entry, QOE_STREAM),
    r("30037", "QOE_STREAM_QUALITY_ISP", Date, QOE_STREAM),
    r("30038", "QOE_ERROR_TRACKING", Date, QOE_ERRORS),
    r("30039", "QOE_ERROR_TRACKING_CODES", ErrorCode, QOE_ERRORS),
    r("30040", "QOE_ERROR_TRACKING_PLATFORMS", Device, QOE_ERRORS),
    r(
        "30041",
        "QOE_ERROR_TRACKING_BROWSERS_FAMILIES",
        BrowserFamily,
        QOE_ERRORS,
    ),
    r("30042", "QOE_ERROR_TRACKING_BROWSERS", Browser, QOE_ERRORS),
    r(
        "30043",
        "QOE_ERROR_TRACKING_OPERATING_SYSTEM_FAMILIES",
        OsFamily,
        QOE_ERRORS,
    ),
    r(
        "30044",
        "QOE_ERROR_TRACKING_OPERATING_SYSTEM",
        Os,
        QOE_ERRORS,
    ),
    r(
        "30045",
        "QOE_ERROR_TRACKING_PLAYER_VERSION",
        Date,
        QOE_ERRORS,
    ),
    r("30046", "QOE_ERROR_TRACKING_ENTRY", Entry, QOE_ERRORS),
    r("30047", "QOE_VOD_SESSION_FLOW", Total, QOE_OVERVIEW),
    r("30048", "QOE_LIVE_SESSION_FLOW", Total, QOE_OVERVIEW),
    r("30049", "QOE_EXPERIENCE_CUSTOM_VAR1", Date, QOE_EXPERIENCE),
    r("30050", "QOE_EXPERIENCE_CUSTOM_VAR2", Date, QOE_EXPERIENCE),
    r("30051", "QOE_EXPERIENCE_CUSTOM_VAR3", Date, QOE_EXPERIENCE),
    r("30052", "QOE_ENGAGEMENT_CUSTOM_VAR1", Date, QOE_ENGAGEMENT),
    r("30053", "QOE_ENGAGEMENT_CUSTOM_VAR2", Date, QOE_ENGAGEMENT),
    r("30054", "QOE_ENGAGEMENT_CUSTOM_VAR3", Date, QOE_ENGAGEMENT),
    r("30055", "QOE_STREAM_QUALITY_CUSTOM_VAR1", Date, QOE_STREAM),
    r("30056", "QOE_STREAM_QUALITY_CUSTOM_VAR2", Date, QOE_STREAM),
    r("30057", "QOE_STREAM_QUALITY_CUSTOM_VAR3", Date, QOE_STREAM),
    r("30058", "QOE_ERROR_TRACKING_CUSTOM_VAR1", Date, QOE_ERRORS),
    r("30059", "QOE_ERROR_TRACKING_CUSTOM_VAR2", Date, QOE_ERRORS),
    r("30060", "QOE_ERROR_TRACKING_CUSTOM_VAR3", Date, QOE_ERRORS),
    r(
        "30061",
        "QOE_EXPERIENCE_APPLICATION_VERSION",
        Date,
        QOE_EXPERIENCE,
    ),
    r(
        "30062",
        "QOE_ENGAGEMENT_APPLICATION_VERSION",
        Date,
        QOE_ENGAGEMENT,
    ),
    r(
        "30063",
        "QOE_STREAM_QUALITY_APPLICATION_VERSION",
        Date,
        QOE_STREAM,
    ),
    r(
        "30064",
        "QOE_ERROR_TRACKING_APPLICATION_VERSION",
        Date,
        QOE_ERRORS,
    ),
    r("40001", "HIGHLIGHTS_WEBCAST", Date, GENERIC),
    r("40002", "ENGAGEMENT_WEBCAST", Date, GENERIC),
    r("40003", "QUALITY_WEBCAST", Date, QOE_STREAM),
    r("40004", "MAP_OVERLAY_COUNTRY_WEBCAST", Country, GEO),
    r("40005", "MAP_OVERLAY_REGION_WEBCAST", Region, GEO),
    r("40006", "MAP_OVERLAY_CITY_WEBCAST", City, GEO),
    r("40007", "PLATFORMS_WEBCAST", Device, PLATFORM),
    r("40008", "TOP_DOMAINS_WEBCAST", Date, GENERIC),
    r("40009", "TOP_USERS_WEBCAST", User, USERS),
    r("40010", "ENGAGEMENT_BREAKDOWN_WEBCAST", Date, GENERIC),
    r("40011", "ENGAGMENT_TIMELINE_WEBCAST", Date, GENERIC),
    r("40012", "ENGAGEMENT_TOOLS_WEBCAST", Date, GENERIC),
    r("40013", "REACTIONS_BREAKDOWN_WEBCAST", Date, GENERIC),
    r("50000", "VE_HIGHLIGHTS", Date, GENERIC),
    r("50001", "VE_REGISTERED_PLATFORMS", Date, GENERIC),
    r("50002", "VE_REGISTERED_INDUSTRY", Date, GENERIC),
    r("50003", "VE_REGISTERED_ROLES", Date, GENERIC),
    r("50004", "VE_REGISTERED_COUNTRIES", Date, GENERIC),
    r("50005", "VE_REGISTERED_WORLD_REGIONS", Date, GENERIC),
    r("50006", "VE_USER_HIGHLIGHTS", Date, GENERIC),
    r("50007", "VE_ATTENDANCE_HIGHLIGHTS", Date, GENERIC),
    r("50008", "VE_REGISTERED_COMPANIES", Date, GENERIC),
    r("60001", "EP_WEBCAST_HIGHLIGHTS", Date, GENERIC),
    r("60002", "EP_WEBCAST_UNIQUE_USERS", Date, GENERIC),
    r("60003", "EP_WEBCAST_ENGAGEMENT", Date, GENERIC),
    r("60004", "EP_WEBCAST_ENGAGEMENT_TIMELINE", Date, GENERIC),
    r("60005", "EP_WEBCAST_TOP_RECORDING", Entry, TOP_CONTENT),
    r("60006", "EP_WEBCAST_TOP_PLATFORMS", Device, PLATFORM),
    r("60007", "EP_WEBCAST_MAP_OVERLAY_COUNTRY", Country, GEO),
    r("60008", "EP_WEBCAST_MAP_OVERLAY_REGION", Region, GEO),
    r("60009", "EP_WEBCAST_MAP_OVERLAY_CITY", City, GEO),
    r("60010", "EP_WEBCAST_LIVE_USER_ENGAGEMENT", User, USERS),
    r(
        "60011",
        "EP_WEBCAST_LIVE_USER_ENGAGEMENT_LEVEL",
        User,
        USERS,
    ),
    r(
        "60012",
        "EP_WEBCAST_VOD_USER_TOP_CONTENT",
        Entry,
        TOP_CONTENT,
    ),
    r("60013", "EP_WEBCAST_VOD_LIVE_USERS_ENGAGEMENT", User, USERS),
    r("60014", "EP_ATTENDEES", User, USERS),
    r("60015", "EP_VIEWTIME", Date, GENERIC),
    r("60016", "EP_TOP_MOMENTS", Date, GENERIC),
    r("60017", "EP_TOP_SESSIONS", Date, GENERIC),
    r("60018", "EP_WEBCAST_ENGAGEMENT_OVER_TIME", Date, GENERIC),
    r("60019", "EP_LATEST_DOWNLOADED_ATTACHMENTS", Date, GENERIC),
    r("70001", "CNC_PARTICIPATION", Date, GENERIC),
    r("quiz.QUIZ", "QUIZ", Date, GENERIC),
    r(
        "quiz.QUIZ_AGGREGATE_BY_QUESTION",
        "QUIZ_AGGREGATE_BY_QUESTION",
        Date,
        GENERIC,
    ),
    r(
        "quiz.QUIZ_USER_AGGREGATE_BY_QUESTION",
        "QUIZ_USER_AGGREGATE_BY_QUESTION",
        Date,
        GENERIC,
    ),
    r(
        "quiz.QUIZ_USER_PERCENTAGE",
        "QUIZ_USER_PERCENTAGE",
        Date,
        GENERIC,
    ),
];
