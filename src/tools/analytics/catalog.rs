//! The catalog of Kaltura analytics reports: every value of the official
//! `KalturaReportType` enum (kaltura-client 21.20.0), with a readable name,
//! a category, a one-line description and the leading columns of its
//! `report.getTable` answer.
//!
//! - `id` and `name` are the enum's value and constant (lower-cased); a test
//!   checks both against `node_modules/kaltura-client/KalturaTypes.js`.
//! - `dimensions` come from the report definitions of Kaltura's server
//!   (`alpha/apps/kaltura/lib/reports/kKava*Reports.php`, and the quiz
//!   plugin for `quiz.*`), not from the simulator, whose generic reports
//!   fall back to a by-date table.
//! - `metrics` are the header names of the columns after the dimensions,
//!   from the same definitions: the report's table or column map when it
//!   renames them, else its `REPORT_METRICS` (its `REPORT_GRAPH_METRICS` for
//!   the by-date reports that have only those, its `REPORT_TOTAL_METRICS` for
//!   the two total-only webcast reports), each metric under the header
//!   Kaltura sends for it (`play` is `count_plays`). The quiz reports answer
//!   `percentage`, `num_of_correct_answers` and `num_of_wrong_answers`.
//! - [`ALIASES`] keeps the report keys of the reference Python server
//!   working. Where that server sent the wrong id, the key maps to the report
//!   its name meant, or is left out when the enum has no such report.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a report is about, to narrow the choice for a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportCategory {
    /// Entries, creators, contributions, sources, categories, custom variables.
    Content,
    /// How viewers watch: drop-off, retention, interactions, playback rate.
    Engagement,
    /// Per viewer or unique-user counts.
    Users,
    /// Countries, regions, cities.
    Geography,
    /// Devices, operating systems, browsers, applications, players.
    Platforms,
    /// Quality of experience (QoE): join time, buffering, bitrate, errors.
    Quality,
    /// Live streams right now (the realtime reports, 10001…).
    Realtime,
    /// Live entries and webcasts.
    Live,
    /// Account consumption: storage, bandwidth, transcoding, REACH, sub-accounts.
    Usage,
    /// Interactive (path) videos: nodes and hotspots.
    Interactive,
    /// Virtual events, the events platform, chat and collaboration.
    Events,
    /// Quiz results (the quiz plugin's reports).
    Quiz,
}

impl ReportCategory {
    pub const ALL: [ReportCategory; 12] = [
        ReportCategory::Content,
        ReportCategory::Engagement,
        ReportCategory::Users,
        ReportCategory::Geography,
        ReportCategory::Platforms,
        ReportCategory::Quality,
        ReportCategory::Realtime,
        ReportCategory::Live,
        ReportCategory::Usage,
        ReportCategory::Interactive,
        ReportCategory::Events,
        ReportCategory::Quiz,
    ];
}

/// One `KalturaReportType` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportType {
    /// The enum constant in snake_case: `top_content`, `qoe_overview`.
    pub name: &'static str,
    /// The wire value `report.getTable` takes as `reportType`: `"1"`,
    /// `"30001"`, or `"quiz.QUIZ"` for plugin reports.
    pub id: &'static str,
    pub category: ReportCategory,
    /// One line: what question it answers.
    pub description: &'static str,
    /// Leading (non-metric) columns of its table, e.g. `["object_id",
    /// "entry_name"]`. `date_id` means one row per date at the filter's
    /// interval (Kaltura names it `month_id`/`year_id` for those intervals).
    pub dimensions: &'static [&'static str],
    /// The metric columns after the dimensions, as named in the header:
    /// `["count_plays", "sum_time_viewed", ...]`. Empty for the two reports
    /// whose table has none (APPLICATIONS, ENTRY_LEVEL_USERS_STATUS_REALTIME).
    pub metrics: &'static [&'static str],
    /// It reads `objectIds` (an entry id, question ids) and means nothing
    /// without them: PERCENTILES is the retention curve of one entry.
    pub needs_object_ids: bool,
    /// It answers for specific end users, named in the filter's `userIds`
    /// (a `KalturaEndUserReportInputFilter`).
    pub needs_user_filter: bool,
}

impl ReportType {
    const fn needs_object_ids(mut self) -> Self {
        self.needs_object_ids = true;
        self
    }

    const fn needs_user_filter(mut self) -> Self {
        self.needs_user_filter = true;
        self
    }
}

const fn r(
    name: &'static str,
    id: &'static str,
    category: ReportCategory,
    dimensions: &'static [&'static str],
    description: &'static str,
    metrics: &'static [&'static str],
) -> ReportType {
    ReportType {
        name,
        id,
        category,
        description,
        dimensions,
        metrics,
        needs_object_ids: false,
        needs_user_filter: false,
    }
}

use ReportCategory::*;

/// The metric columns shared by several reports, and the long lists of one
/// report, one set a line.
#[rustfmt::skip]
mod metric_sets {
    pub const TOP_CONTENT_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "count_loads", "load_play_ratio", "avg_view_drop_off", "unique_known_users", "sum_view_period", "avg_view_period_time", "avg_completion_rate"];
    pub const CONTENT_DROPOFF_METRICS: &[&str] = &["count_plays", "count_plays_25", "count_plays_50", "count_plays_75", "count_plays_100", "play_through_ratio", "count_loads"];
    pub const INTERACTIONS_METRICS: &[&str] = &["count_plays", "count_edit", "count_viral", "count_download", "count_report"];
    pub const MAP_OVERLAY_METRICS: &[&str] = &["count_plays", "count_plays_25", "count_plays_50", "count_plays_75", "count_plays_100", "play_through_ratio", "unique_known_users", "avg_view_drop_off", "avg_completion_rate"];
    pub const CONTRIBUTION_METRICS: &[&str] = &["count_total", "count_video", "count_audio", "count_image", "count_mix"];
    pub const TOP_SYNDICATION_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "count_loads", "load_play_ratio", "avg_view_drop_off", "avg_completion_rate", "unique_played_videos", "sum_view_period", "avg_view_period_time"];
    pub const CONTENT_CONTRIBUTIONS_METRICS: &[&str] = &["count_total", "count_video", "count_audio", "count_image", "count_mix", "count_ugc", "count_admin"];
    pub const USER_ENGAGEMENT_METRICS: &[&str] = &["unique_videos", "count_plays", "sum_time_viewed", "avg_time_viewed", "avg_view_drop_off", "count_loads", "load_play_ratio", "sum_view_period", "avg_view_period_time", "avg_completion_rate"];
    pub const USER_TOP_CONTENT_METRICS: &[&str] = &["unique_videos", "count_plays", "sum_time_viewed", "avg_time_viewed", "avg_view_drop_off", "count_loads", "load_play_ratio", "avg_completion_rate", "count_viral", "total_completion_rate", "sum_view_period", "avg_view_period_time"];
    pub const USER_CONTENT_DROPOFF_METRICS: &[&str] = &["count_plays", "count_plays_25", "count_plays_50", "count_plays_75", "count_plays_100", "play_through_ratio"];
    pub const USER_USAGE_METRICS: &[&str] = &["added_entries", "deleted_entries", "total_entries", "added_storage_mb", "deleted_storage_mb", "total_storage_mb", "added_msecs", "deleted_msecs", "total_msecs"];
    pub const SPECIFIC_USER_USAGE_METRICS: &[&str] = &["added_entries", "deleted_entries", "added_storage_mb", "deleted_storage_mb", "added_msecs", "deleted_msecs", "total_entries", "total_storage_mb", "total_msecs"];
    pub const VAR_USAGE_METRICS: &[&str] = &["bandwidth_consumption", "average_storage", "peak_storage", "added_storage", "deleted_storage", "combined_bandwidth_storage", "transcoding_usage"];
    pub const PLATFORM_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "count_loads", "load_play_ratio", "avg_view_drop_off", "unique_known_users", "unique_viewers", "sum_view_period", "avg_view_period_time", "avg_completion_rate"];
    pub const PLAY_COUNT_METRICS: &[&str] = &["count_plays"];
    pub const TOP_PLAYBACK_CONTEXT_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "avg_view_drop_off", "count_loads", "load_play_ratio", "unique_viewers", "avg_completion_rate", "sum_view_period", "avg_view_period_time"];
    pub const VPAAS_USAGE_METRICS: &[&str] = &["total_plays", "bandwidth_consumption", "average_storage", "transcoding_consumption", "total_media_entries", "total_end_users", "total_views", "origin_bandwidth_consumption", "added_storage", "deleted_storage", "peak_storage"];
    pub const CUSTOM_VAR_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "count_loads", "load_play_ratio", "avg_view_drop_off", "sum_view_period", "avg_view_period_time", "avg_completion_rate"];
    pub const LOCATION_METRICS: &[&str] = &["count_plays", "count_plays_25", "count_plays_50", "count_plays_75", "count_plays_100", "play_through_ratio", "unique_known_users", "avg_view_drop_off", "count_loads", "avg_completion_rate"];
    pub const ENGAGEMENT_TIMELINE_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "unique_known_users", "avg_view_drop_off", "avg_completion_rate", "count_loads", "sum_view_period"];
    pub const UNIQUE_USERS_METRICS: &[&str] = &["unique_known_users"];
    pub const TOP_CONTENT_CREATOR_METRICS: &[&str] = &["count_plays", "sum_time_viewed", "avg_time_viewed", "count_loads", "load_play_ratio", "avg_view_drop_off", "unique_known_users", "engagement_ranking", "avg_completion_rate", "unique_viewers", "sum_view_period", "avg_view_period_time", "total_completion_rate"];
    pub const TOP_CONTENT_CONTRIBUTORS_METRICS: &[&str] = &["count_plays", "added_entries", "added_msecs", "contributor_ranking"];
    pub const TOP_SOURCES_METRICS: &[&str] = &["added_entries", "added_msecs", "unique_contributors"];
    pub const VPAAS_USAGE_MULTI_METRICS: &[&str] = &["total_plays", "bandwidth_consumption", "average_storage", "transcoding_consumption", "total_entries", "total_end_users", "total_views", "origin_bandwidth_consumption", "added_storage", "deleted_storage", "peak_storage", "unique_known_users"];
    pub const CONTENT_REPORT_METRICS: &[&str] = &["count_report_submitted"];
    pub const PLAYER_INTERACTIONS_METRICS: &[&str] = &["count_plays", "count_edit", "count_viral", "count_download", "count_report_submitted", "count_captions", "count_info", "count_related_selected"];
    pub const PLAYBACK_RATE_METRICS: &[&str] = &["count_speed"];
    pub const TOP_USER_CONTENT_METRICS: &[&str] = &["count_plays", "count_loads", "sum_time_viewed", "avg_time_viewed", "avg_completion_rate", "total_completion_rate", "avg_view_drop_off", "sum_view_period", "avg_view_period_time"];
    pub const USER_HIGHLIGHTS_METRICS: &[&str] = &["count_plays", "count_loads", "sum_time_viewed", "avg_time_viewed", "avg_completion_rate", "count_viral", "sum_view_period", "avg_view_period_time", "added_entries"];
    pub const CATEGORY_HIGHLIGHTS_METRICS: &[&str] = &["count_loads", "count_plays", "unique_videos", "unique_viewers", "sum_time_viewed", "unique_owners", "unique_played_videos", "sum_view_period"];
    pub const HOTSPOT_CLICK_METRICS: &[&str] = &["count_hotspot_clicked"];
    pub const NODE_SWITCH_METRICS: &[&str] = &["count_node_switch"];
    pub const SELF_SERVE_USAGE_METRICS: &[&str] = &["unique_known_users", "total_entries", "video_streams", "transcoding_consumption", "bandwidth_consumption", "peak_storage", "total_interactive_video_entries", "live_view_time", "total_credits", "total_jobs_completed", "average_storage", "transcoding_duration", "added_meeting_recording_hours", "meeting_view_time"];
    pub const PARTNER_USAGE_SF_METRICS: &[&str] = &["total_plays", "bandwidth_consumption", "average_storage", "transcoding_consumption", "total_media_entries", "total_end_users", "total_views", "origin_bandwidth_consumption", "added_storage", "deleted_storage", "peak_storage", "video_streams", "transcoding_duration", "live_view_time"];
    pub const PARTNER_USAGE_METRICS: &[&str] = &["bandwidth_consumption", "average_storage", "peak_storage", "added_storage", "deleted_storage", "combined_bandwidth_storage", "transcoding_consumption"];
    pub const REALTIME_MAP_METRICS: &[&str] = &["view_unique_audience", "view_unique_buffering_users", "view_unique_engaged_users", "avg_view_buffering", "avg_view_engagement", "view_buffer_time_ratio", "views"];
    pub const QOS_OVERVIEW_REALTIME_METRICS: &[&str] = &["view_unique_audience", "view_unique_buffering_users", "avg_view_downstream_bandwidth", "view_buffer_time_ratio", "avg_view_bitrate"];
    pub const DISCOVERY_REALTIME_METRICS: &[&str] = &["view_unique_audience", "view_unique_engaged_users", "view_unique_buffering_users", "avg_view_downstream_bandwidth", "view_unique_audience_dvr", "avg_view_bitrate", "sum_view_time", "avg_view_live_latency", "avg_view_dropped_frames_ratio", "avg_view_buffering", "avg_view_engagement", "avg_view_dvr", "view_buffer_time_ratio", "avg_view_segment_download_time_sec", "avg_view_manifest_download_time_sec", "error"];
    pub const ENTRY_LEVEL_USERS_DISCOVERY_REALTIME_METRICS: &[&str] = &["sum_view_time_live", "sum_view_time_dvr", "sum_view_time", "avg_view_buffering", "avg_view_engagement", "known_flavor_params_view_count", "view_buffer_time_ratio"];
    pub const PLATFORMS_DISCOVERY_REALTIME_METRICS: &[&str] = &["view_unique_audience", "view_unique_engaged_users", "view_unique_buffering_users", "sum_view_time", "avg_view_buffering", "avg_view_engagement", "view_buffer_time_ratio", "known_flavor_params_view_count"];
    pub const DISCOVERY_VIEW_REALTIME_METRICS: &[&str] = &["viewers", "viewers_buffering", "viewers_engagement", "viewers_dvr", "avg_view_downstream_bandwidth", "avg_view_bitrate", "sum_view_time", "avg_view_live_latency", "avg_view_dropped_frames_ratio", "view_buffer_time_ratio", "avg_view_segment_download_time_sec", "avg_view_manifest_download_time_sec", "error"];
    pub const QOE_OVERVIEW_METRICS: &[&str] = &["avg_join_time", "view_buffer_time_ratio", "avg_view_session_error_rate", "view_unique_sessions", "avg_view_play_time_sec"];
    pub const QOE_EXPERIENCE_METRICS: &[&str] = &["avg_join_time", "count_buffer_start", "view_buffer_time_ratio", "view_unique_sessions"];
    pub const QOE_ENGAGEMENT_METRICS: &[&str] = &["view_unique_sessions", "avg_view_play_time_sec", "ebvs_ratio"];
    pub const QOE_STREAM_QUALITY_METRICS: &[&str] = &["count_flavor_switch", "avg_view_bitrate"];
    pub const QOE_ERROR_METRICS: &[&str] = &["view_unique_sessions", "error", "error_session_count"];
    pub const QOE_VOD_SESSION_FLOW_METRICS: &[&str] = &["count_play_requested", "count_plays", "count_plays_25", "count_plays_50", "count_plays_75", "count_plays_100", "error_position_count", "error_unknown_position_count", "count_ebvs"];
    pub const QOE_LIVE_SESSION_FLOW_METRICS: &[&str] = &["count_play_requested", "count_plays", "error_position_count", "error_unknown_position_count", "count_ebvs"];
    pub const WEBCAST_AUDIENCE_METRICS: &[&str] = &["count_plays", "unique_viewers", "sum_view_period", "avg_live_buffer_time", "avg_vod_completion_rate", "live_engaged_users_play_time_ratio"];
    pub const PLATFORMS_WEBCAST_METRICS: &[&str] = &["vod_plays_count", "live_plays_count", "sum_view_period", "sum_live_view_period", "avg_vod_completion_rate", "live_engaged_users_play_time_ratio"];
    pub const TOP_USERS_WEBCAST_METRICS: &[&str] = &["registered", "count_loads", "count_plays", "sum_view_period", "sum_live_view_period", "avg_live_buffer_time", "total_completion_rate", "live_engaged_users_play_time_ratio"];
    pub const ENGAGEMENT_BREAKDOWN_WEBCAST_METRICS: &[&str] = &["live_no_eng_view_period_play_time_rate", "live_low_eng_view_period_play_time_rate", "live_fair_eng_view_period_play_time_rate", "live_good_eng_view_period_play_time_rate", "live_high_eng_view_period_play_time_rate"];
    pub const VE_HIGHLIGHTS_METRICS: &[&str] = &["registered", "confirmed", "attended", "participated", "blocked", "unregistered", "invited", "created"];
    pub const VE_REGISTRATION_METRICS: &[&str] = &["registered", "registered_unique_users"];
    pub const EP_WEBCAST_ENGAGEMENT_METRICS: &[&str] = &["combined_live_engaged_users_play_time_ratio", "download_attachment_unique_users", "count_download_attachment_clicked", "unique_combined_live_viewers", "reaction_clicked_unique_users", "count_reaction_clicked"];
    pub const EP_WEBCAST_ENGAGEMENT_TIMELINE_METRICS: &[&str] = &["combined_live_view_period_count", "combined_live_engaged_users_ratio", "reaction_clap_clicked", "reaction_heart_clicked", "reaction_think_clicked", "reaction_wow_clicked", "reaction_smile_clicked"];
    pub const EP_WEBCAST_TOP_RECORDING_METRICS: &[&str] = &["count_plays", "count_loads", "sum_vod_view_period", "unique_viewers", "avg_completion_rate"];
    pub const EP_VIEWER_METRICS: &[&str] = &["unique_vod_viewers", "unique_combined_live_viewers"];
    pub const EP_WEBCAST_LIVE_USER_ENGAGEMENT_METRICS: &[&str] = &["live_view_time", "count_reaction_clicked", "count_raise_hand_clicked", "combined_live_engaged_users_play_time_ratio", "count_group_chat_messages_sent", "count_poll_answered", "count_q_and_a_threads", "count_download_attachment_clicked"];
    pub const EP_WEBCAST_VOD_USER_TOP_CONTENT_METRICS: &[&str] = &["count_plays", "sum_vod_view_period", "vod_avg_play_time", "count_loads", "avg_completion_rate"];
    pub const EP_WEBCAST_VOD_LIVE_USERS_ENGAGEMENT_METRICS: &[&str] = &["vod_view_time", "live_view_time", "total_view_time", "avg_completion_rate", "count_reaction_clicked", "count_raise_hand_clicked", "combined_live_engaged_users_play_time_ratio", "count_group_chat_messages_sent", "count_poll_answered", "count_q_and_a_threads", "count_download_attachment_clicked"];
    pub const EP_TOP_SESSIONS_METRICS: &[&str] = &["unique_combined_live_viewers", "combined_live_engaged_users_ratio", "unique_vod_viewers", "avg_vod_completion_rate", "union_live_meeting_vod_view_time", "combined_live_engaged_users_play_time_ratio"];
    pub const EP_WEBCAST_ENGAGEMENT_OVER_TIME_METRICS: &[&str] = &["unique_combined_live_viewers", "combined_live_engaged_users_ratio", "count_cnc_message_liked", "count_reaction_clicked", "count_cnc_group_message_sent"];
    pub const CNC_PARTICIPATION_METRICS: &[&str] = &["count_reaction_clicked", "reaction_clicked_unique_users", "count_cnc_group_message_sent", "unique_users_sent_group_message", "unique_users_answered_poll", "unique_users_q_and_a_thread", "q_and_a_threads_count", "unique_users_sent_private_message", "unique_logged_in_users"];
    pub const QUIZ_METRICS: &[&str] = &["percentage", "num_of_correct_answers", "num_of_wrong_answers"];
}

use metric_sets::*;

/// Every `KalturaReportType` value, in the enum's order. Names with typos
/// (`intercative_…`, `engagment_…`) are Kaltura's own.
#[rustfmt::skip]
pub const REPORTS: &[ReportType] = &[
    r("top_content", "1", Content, &["object_id", "entry_name"], "Most-played entries: plays, view time, loads, drop-off, unique viewers.", TOP_CONTENT_METRICS),
    r("content_dropoff", "2", Engagement, &["object_id", "entry_name"], "Per entry, plays that reached 25/50/75/100% and the play-through ratio.", CONTENT_DROPOFF_METRICS),
    r("content_interactions", "3", Engagement, &["object_id", "entry_name"], "Per entry, plays plus edit, share, download and report clicks.", INTERACTIONS_METRICS),
    r("map_overlay", "4", Geography, &["object_id", "country"], "Plays, completion quartiles and unique users per country (older map report).", MAP_OVERLAY_METRICS),
    r("top_contributors", "5", Content, &["object_id", "name"], "Users who added the most entries, by media type.", CONTRIBUTION_METRICS),
    r("top_syndication", "6", Content, &["object_id", "domain_name"], "Plays and view time per domain the player is embedded on.", TOP_SYNDICATION_METRICS),
    r("content_contributions", "7", Content, &["object_id", "entry_media_source_name"], "Entries added per source (upload, import, webcam...), by media type.", CONTENT_CONTRIBUTIONS_METRICS),
    r("user_engagement", "11", Users, &["name"], "Per viewer: entries watched, plays, view time and drop-off.", USER_ENGAGEMENT_METRICS),
    r("specific_user_engagement", "12", Users, &["entry_name"], "For the users in the filter's userIds: plays and view time per entry.", USER_ENGAGEMENT_METRICS).needs_user_filter(),
    r("user_top_content", "13", Users, &["name", "full_name"], "Viewers ranked by plays and view time, with completion rate.", USER_TOP_CONTENT_METRICS),
    r("user_content_dropoff", "14", Users, &["name"], "Per viewer, plays that reached 25/50/75/100% and the play-through ratio.", USER_CONTENT_DROPOFF_METRICS),
    r("user_content_interactions", "15", Users, &["name"], "Per viewer, plays plus edit, share, download and report clicks.", INTERACTIONS_METRICS),
    r("applications", "16", Platforms, &["name"], "Names of the applications that sent playback events in the last 30 days.", &[]),
    r("user_usage", "17", Usage, &["kuser_id", "name", "full_name"], "Per user: entries, storage and media minutes added, deleted and in total.", USER_USAGE_METRICS),
    r("specific_user_usage", "18", Usage, &["date_id"], "For the users in the filter: entries and storage added, deleted and in total, by date.", SPECIFIC_USER_USAGE_METRICS).needs_user_filter(),
    r("var_usage", "19", Usage, &["status", "partner_name", "partner_id", "created_at"], "Per sub-account of a multi-account (VAR): bandwidth, storage and transcoding.", VAR_USAGE_METRICS),
    r("top_creators", "20", Content, &["user_id", "user_screen_name", "user_full_name"], "Users who created the most entries, by media type.", CONTRIBUTION_METRICS),
    r("platforms", "21", Platforms, &["device"], "Plays, view time and unique users per device type (desktop, mobile...).", PLATFORM_METRICS),
    r("operating_system", "22", Platforms, &["os"], "Plays, view time and unique users per operating system.", PLATFORM_METRICS),
    r("browsers", "23", Platforms, &["browser"], "Plays, view time and unique users per browser.", PLATFORM_METRICS),
    r("live", "24", Live, &["object_id", "entry_name"], "Plays per live entry (live and DVR playback).", PLAY_COUNT_METRICS),
    r("top_playback_context", "25", Content, &["object_id", "name"], "Plays and view time per playback context (the category played from).", TOP_PLAYBACK_CONTEXT_METRICS),
    r("vpaas_usage", "26", Usage, &["date_id"], "Account usage by date: plays, views, bandwidth, storage, transcoding, entries, users.", VPAAS_USAGE_METRICS),
    r("entry_usage", "27", Usage, &["date_id"], "Entries added and deleted, and the peak entry count, by date.", &["added_entries", "deleted_entries", "peak_entries"]),
    r("reach_usage", "28", Usage, &["object_id", "entry_name", "reachProfileId", "serviceType", "serviceFeature", "turnaroundTime"], "REACH (captions, translation...) spend per entry, profile, service and turnaround.", &["price"]),
    r("top_custom_var1", "29", Content, &["custom_var1"], "Plays and view time per value of the player's custom variable 1.", CUSTOM_VAR_METRICS),
    r("map_overlay_city", "30", Geography, &["country", "region", "city", "coordinates", "country_code"], "Plays, completion quartiles and unique viewers per city.", LOCATION_METRICS),
    r("operating_system_families", "32", Platforms, &["os_family"], "Plays, view time and unique users per operating system family.", PLATFORM_METRICS),
    r("browsers_families", "33", Platforms, &["browser_family"], "Plays, view time and unique users per browser family.", PLATFORM_METRICS),
    r("user_engagement_timeline", "34", Engagement, &["date_id"], "Plays, view time, unique viewers, drop-off and completion by date.", ENGAGEMENT_TIMELINE_METRICS),
    r("unique_users_play", "35", Users, &["date_id"], "Unique users who played content, by date.", UNIQUE_USERS_METRICS),
    r("map_overlay_country", "36", Geography, &["object_id", "country", "coordinates"], "Plays, completion quartiles and unique viewers per country.", LOCATION_METRICS),
    r("map_overlay_region", "37", Geography, &["country", "region", "coordinates"], "Plays, completion quartiles and unique viewers per region (state, province).", LOCATION_METRICS),
    r("top_content_creator", "38", Content, &["object_id", "entry_name", "creator_name", "created_at", "status", "media_type", "duration_msecs", "entry_source"], "Entries with creator, type and duration: plays, view time, engagement ranking.", TOP_CONTENT_CREATOR_METRICS),
    r("top_content_contributors", "39", Content, &["user_id", "creator_name", "created_at"], "Contributors ranked by plays of their content and entries and minutes added.", TOP_CONTENT_CONTRIBUTORS_METRICS),
    r("app_domain_unique_active_users", "40", Users, &["application", "domain"], "Unique active users per application and domain.", UNIQUE_USERS_METRICS),
    r("top_sources", "41", Content, &["source"], "Entries and media minutes added per source type, with unique contributors.", TOP_SOURCES_METRICS),
    r("vpaas_usage_multi", "42", Usage, &["status", "partner_name", "partner_id", "created_at"], "Usage per sub-account: plays, views, bandwidth, storage, transcoding, entries, users.", VPAAS_USAGE_MULTI_METRICS),
    r("percentiles", "43", Engagement, &["percentile"], "Retention curve of one entry: viewers and unique users at each percentile.", &["count_viewers", "unique_known_users"]).needs_object_ids(),
    r("content_report_reasons", "44", Engagement, &["reason"], "How often viewers reported (flagged) content, per reason.", CONTENT_REPORT_METRICS),
    r("player_related_interactions", "45", Engagement, &["object_id", "entry_name", "status", "entry_source"], "Per entry: plays and player clicks (share, download, captions, info, related).", PLAYER_INTERACTIONS_METRICS),
    r("playback_rate", "46", Engagement, &["playback_rate"], "Speed changes per selected playback rate.", PLAYBACK_RATE_METRICS),
    r("top_user_content", "47", Content, &["object_id", "entry_name", "creator_name", "created_at", "status", "media_type", "duration_msecs", "entry_source"], "Entries with creator, type and duration: plays, loads, view time, completion.", TOP_USER_CONTENT_METRICS),
    r("user_highlights", "48", Users, &["name"], "Per user: plays, loads, view time, completion, shares and entries added.", USER_HIGHLIGHTS_METRICS),
    r("user_interactive_video", "49", Interactive, &["name"], "Per viewer of interactive (path) videos: plays, loads and view time.", &["count_plays", "count_loads", "sum_view_period", "avg_view_period_time"]),
    r("interactive_video_top_nodes", "50", Interactive, &["node_id"], "Interactive video nodes ranked by plays, unique users and completion.", &["count_node_plays", "unique_known_users", "avg_completion_rate"]),
    r("latest_played_entries", "51", Content, &["extract_time", "object_id", "entry_name", "status", "entry_source"], "Entries played most recently, with the time of the last play.", PLAY_COUNT_METRICS),
    r("category_highlights", "52", Content, &["date_id"], "Plays, loads, viewers, view time, entries and owners by date (for categories).", CATEGORY_HIGHLIGHTS_METRICS),
    r("sub_categories", "53", Content, &["object_id", "name", "entries_count", "direct_sub_categories_count", "parent_name"], "Per sub-category: plays, view time and viewers, with entry and child counts.", &["count_plays", "sum_time_viewed", "unique_viewers", "sum_view_period"]),
    r("interactive_video_node_top_hotspots", "54", Interactive, &["hotspot_id", "destination"], "Most-clicked hotspots of interactive video nodes, with their destinations.", HOTSPOT_CLICK_METRICS),
    r("intercative_video_node_switch_top_hotspots", "55", Interactive, &["hotspot_id", "destination"], "Hotspots that switched nodes most often, with their destinations.", NODE_SWITCH_METRICS),
    r("interactive_video_hotspot_clicked_percentiles", "56", Interactive, &["percentile"], "Hotspot clicks at each percentile of the video.", HOTSPOT_CLICK_METRICS),
    r("interactive_video_node_switch_hotspot_clicked_percentiles", "57", Interactive, &["percentile"], "Node-switching hotspot clicks at each percentile of the video.", NODE_SWITCH_METRICS),
    r("top_custom_var2", "58", Content, &["custom_var2"], "Plays and view time per value of the player's custom variable 2.", CUSTOM_VAR_METRICS),
    r("top_custom_var3", "59", Content, &["custom_var3"], "Plays and view time per value of the player's custom variable 3.", CUSTOM_VAR_METRICS),
    r("self_serve_usage", "60", Usage, &["date_id"], "Self-serve account usage by date: users, entries, transcoding, bandwidth, storage.", SELF_SERVE_USAGE_METRICS),
    r("flavor_params_transcoding_usage", "61", Usage, &["flavor_params_id", "name"], "Transcoding size and duration per flavor params (output rendition).", &["transcoding_consumption", "transcoding_duration"]),
    r("player_highlights", "62", Platforms, &["ui_conf_id"], "Plays and unique embedding domains per player (uiConf id).", &["count_plays", "unique_domains"]),
    r("partner_usage_highlights", "63", Usage, &["id"], "Per account: plays, storage, transcoding CPU time and bandwidth.", &["count_plays", "bandwidth_size", "transcoding_user_cpu_sec", "total_storage"]),
    r("cdn_bandwidth_usage", "64", Usage, &["partner_id", "cdn"], "Bandwidth per account and CDN.", &["bandwidth_size"]),
    r("reach_catalog_usage", "65", Usage, &["partner_id", "catalog_item_id", "status"], "REACH duration used per account, catalog item and status.", &["reach_duration"]),
    r("reach_profile_usage", "66", Usage, &["partner_id", "profile_type", "status"], "REACH request counts per account, profile type and status.", &["count_all"]),
    r("self_serve_bandwidth", "67", Usage, &["date_id"], "Bandwidth of a self-serve account, by date.", &["bandwidth_consumption"]),
    r("partner_usage_sf", "68", Usage, &["date_id"], "Account usage by date for billing: plays, bandwidth, storage, transcoding, users.", PARTNER_USAGE_SF_METRICS),
    r("partner_usage", "201", Usage, &["date_id"], "Account usage by date: bandwidth, storage (average, peak, added), transcoding.", PARTNER_USAGE_METRICS),
    r("map_overlay_country_realtime", "10001", Realtime, &["object_id", "country", "coordinates"], "Live viewers now per country: audience, engaged and buffering viewers.", REALTIME_MAP_METRICS),
    r("map_overlay_region_realtime", "10002", Realtime, &["country", "region", "coordinates"], "Live viewers now per region: audience, engaged and buffering viewers.", REALTIME_MAP_METRICS),
    r("map_overlay_city_realtime", "10003", Realtime, &["country", "region", "city", "coordinates"], "Live viewers now per city: audience, engaged and buffering viewers.", REALTIME_MAP_METRICS),
    r("platforms_realtime", "10004", Realtime, &["device"], "Live audience and view time now per device type.", &["view_unique_audience", "sum_view_time"]),
    r("users_overview_realtime", "10005", Realtime, &["date_id"], "Live audience now: viewers, engaged viewers and engagement, by time.", &["view_unique_audience", "view_unique_engaged_users", "views", "avg_view_engagement"]),
    r("qos_overview_realtime", "10006", Realtime, &["date_id"], "Live stream quality now: bitrate, bandwidth, buffering ratio and buffering viewers.", QOS_OVERVIEW_REALTIME_METRICS),
    r("discovery_realtime", "10007", Realtime, &["date_id"], "Live metrics by time: audience, DVR, engagement, buffering, bitrate, latency, errors.", DISCOVERY_REALTIME_METRICS),
    r("entry_level_users_discovery_realtime", "10008", Realtime, &["user_id", "user_name"], "Per live viewer: live and DVR view time, buffering and engagement.", ENTRY_LEVEL_USERS_DISCOVERY_REALTIME_METRICS),
    r("entry_level_users_status_realtime", "10009", Realtime, &["user_id", "playback_type"], "Each live viewer's current playback type (live or DVR).", &[]),
    r("platforms_discovery_realtime", "10010", Realtime, &["device"], "Per device type: live audience, engagement, buffering and view time.", PLATFORMS_DISCOVERY_REALTIME_METRICS),
    r("playback_type_realtime", "10011", Realtime, &["playback_type"], "Live view time now per playback type (live or DVR).", &["sum_view_time"]),
    r("content_realtime", "10012", Realtime, &["entry_id"], "Per live entry now: audience, engagement, buffering and bandwidth.", &["avg_view_engagement", "avg_view_buffering", "avg_view_downstream_bandwidth", "view_unique_audience"]),
    r("discovery_view_realtime", "10013", Realtime, &["date_id"], "Live viewer counts by time: viewers, buffering, DVR, engaged, plus stream quality.", DISCOVERY_VIEW_REALTIME_METRICS),
    r("top_ended_broadcast_entries", "10014", Realtime, &["entry_id", "entry_name"], "Recently ended live broadcasts: viewers, engagement, buffering, bandwidth.", &["viewers", "avg_view_engagement", "avg_view_buffering", "avg_view_downstream_bandwidth"]),
    r("top_live_now_entries", "10015", Realtime, &["entry_id", "entry_name", "creator_name"], "Entries broadcasting now: views, engagement, buffering and bandwidth.", &["views", "avg_view_engagement", "avg_view_buffering", "avg_view_downstream_bandwidth"]),
    r("live_meeting_users_overview_realtime", "10016", Realtime, &["date_id"], "Live meeting audience now: views, unique and engaged attendees.", &["view_unique_combined_live_audience", "view_unique_combined_live_engaged_users", "view_event_combined", "combined_live_avg_view_engagement"]),
    r("content_dropoff_vpaas", "20001", Engagement, &["object_id", "entry_name", "partner_id"], "VPaaS sub-accounts: per entry, plays that reached 25/50/75/100%.", CONTENT_DROPOFF_METRICS),
    r("top_syndication_vpaas", "20002", Content, &["object_id", "domain_name"], "VPaaS sub-accounts: plays and view time per embedding domain.", TOP_SYNDICATION_METRICS),
    r("user_top_content_vpaas", "20003", Users, &["name", "full_name", "partner_id"], "VPaaS sub-accounts: viewers ranked by plays and view time.", USER_TOP_CONTENT_METRICS),
    r("user_usage_vpaas", "20004", Usage, &["kuser_id", "name", "full_name", "partner_id"], "VPaaS sub-accounts: per user, entries and storage added, deleted and in total.", USER_USAGE_METRICS),
    r("platforms_vpaas", "20005", Platforms, &["device"], "VPaaS sub-accounts: plays, view time and unique users per device type.", PLATFORM_METRICS),
    r("operating_system_vpaas", "20006", Platforms, &["os"], "VPaaS sub-accounts: plays, view time and unique users per operating system.", PLATFORM_METRICS),
    r("browsers_vpaas", "20007", Platforms, &["browser"], "VPaaS sub-accounts: plays, view time and unique users per browser.", PLATFORM_METRICS),
    r("operating_system_families_vpaas", "20008", Platforms, &["os_family"], "VPaaS sub-accounts: plays, view time and unique users per OS family.", PLATFORM_METRICS),
    r("browsers_families_vpaas", "20009", Platforms, &["browser_family"], "VPaaS sub-accounts: plays, view time and unique users per browser family.", PLATFORM_METRICS),
    r("user_engagement_timeline_vpaas", "20010", Engagement, &["date_id"], "VPaaS sub-accounts: plays, view time, viewers and completion by date.", ENGAGEMENT_TIMELINE_METRICS),
    r("unique_users_play_vpaas", "20011", Users, &["date_id"], "VPaaS sub-accounts: unique users who played content, by date.", UNIQUE_USERS_METRICS),
    r("map_overlay_country_vpaas", "20012", Geography, &["object_id", "country", "coordinates"], "VPaaS sub-accounts: plays, completion and unique viewers per country.", LOCATION_METRICS),
    r("map_overlay_region_vpaas", "20013", Geography, &["country", "region", "coordinates"], "VPaaS sub-accounts: plays, completion and unique viewers per region.", LOCATION_METRICS),
    r("map_overlay_city_vpaas", "20014", Geography, &["country", "region", "city", "coordinates", "country_code"], "VPaaS sub-accounts: plays, completion and unique viewers per city.", LOCATION_METRICS),
    r("top_content_creator_vpaas", "20015", Content, &["object_id", "entry_name", "creator_name", "created_at", "status", "media_type", "duration_msecs", "entry_source", "partner_id"], "VPaaS sub-accounts: entries with creator: plays, view time, ranking.", TOP_CONTENT_CREATOR_METRICS),
    r("top_content_contributors_vpaas", "20016", Content, &["user_id", "creator_name", "created_at", "partner_id"], "VPaaS sub-accounts: contributors ranked by plays and entries added.", TOP_CONTENT_CONTRIBUTORS_METRICS),
    r("top_sources_vpaas", "20017", Content, &["source"], "VPaaS sub-accounts: entries and minutes added per source type.", TOP_SOURCES_METRICS),
    r("content_report_reasons_vpaas", "20018", Engagement, &["reason"], "VPaaS sub-accounts: content reports (flags) per reason.", CONTENT_REPORT_METRICS),
    r("player_related_interactions_vpaas", "20019", Engagement, &["object_id", "entry_name", "status", "entry_source", "partner_id"], "VPaaS sub-accounts: per entry, plays and player clicks.", PLAYER_INTERACTIONS_METRICS),
    r("playback_rate_vpaas", "20020", Engagement, &["playback_rate"], "VPaaS sub-accounts: speed changes per selected playback rate.", PLAYBACK_RATE_METRICS),
    r("partner_usage_vpaas", "20021", Usage, &["date_id"], "VPaaS sub-accounts: bandwidth, storage and transcoding by date.", PARTNER_USAGE_METRICS),
    r("top_playback_context_vpaas", "20022", Content, &["object_id", "name"], "VPaaS sub-accounts: plays and view time per playback context.", TOP_PLAYBACK_CONTEXT_METRICS),
    r("self_serve_usage_vpaas", "20023", Usage, &["date_id"], "VPaaS sub-accounts: users, entries, transcoding, bandwidth, storage by date.", SELF_SERVE_USAGE_METRICS),
    r("qoe_overview", "30001", Quality, &["date_id"], "QoE summary by date: sessions, join time, buffering, play time, error rate.", QOE_OVERVIEW_METRICS),
    r("qoe_experience", "30002", Quality, &["date_id"], "QoE experience (join time, buffering) by date.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_platforms", "30003", Quality, &["device"], "QoE experience (join time, buffering) per device type.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_country", "30004", Quality, &["object_id", "country", "coordinates"], "QoE experience (join time, buffering) per country.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_region", "30005", Quality, &["country", "region", "coordinates"], "QoE experience (join time, buffering) per region.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_city", "30006", Quality, &["country", "region", "city", "coordinates"], "QoE experience (join time, buffering) per city.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_browsers_families", "30007", Quality, &["browser_family"], "QoE experience (join time, buffering) per browser family.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_browsers", "30008", Quality, &["browser"], "QoE experience (join time, buffering) per browser.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_operating_system_families", "30009", Quality, &["os_family"], "QoE experience (join time, buffering) per OS family.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_operating_system", "30010", Quality, &["os"], "QoE experience (join time, buffering) per operating system.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_player_version", "30011", Quality, &["player_version"], "QoE experience (join time, buffering) per player version.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_entry", "30012", Quality, &["entry_id", "entry_name"], "QoE experience (join time, buffering) per entry.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_isp", "30013", Quality, &["isp"], "QoE experience (join time, buffering) per ISP.", QOE_EXPERIENCE_METRICS),
    r("qoe_engagement", "30014", Quality, &["date_id"], "QoE engagement (play time, exits before video start) by date.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_platforms", "30015", Quality, &["device"], "QoE engagement (play time, exits before video start) per device type.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_country", "30016", Quality, &["object_id", "country", "coordinates"], "QoE engagement (play time, exits before video start) per country.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_region", "30017", Quality, &["country", "region", "coordinates"], "QoE engagement (play time, exits before video start) per region.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_city", "30018", Quality, &["country", "region", "city", "coordinates"], "QoE engagement (play time, exits before video start) per city.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_browsers_families", "30019", Quality, &["browser_family"], "QoE engagement (play time, exits before video start) per browser family.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_browsers", "30020", Quality, &["browser"], "QoE engagement (play time, exits before video start) per browser.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_operating_system_families", "30021", Quality, &["os_family"], "QoE engagement (play time, exits before video start) per OS family.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_operating_system", "30022", Quality, &["os"], "QoE engagement (play time, exits before video start) per operating system.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_player_version", "30023", Quality, &["player_version"], "QoE engagement (play time, exits before video start) per player version.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_entry", "30024", Quality, &["entry_id", "entry_name"], "QoE engagement (play time, exits before video start) per entry.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_isp", "30025", Quality, &["isp"], "QoE engagement (play time, exits before video start) per ISP.", QOE_ENGAGEMENT_METRICS),
    r("qoe_stream_quality", "30026", Quality, &["date_id"], "QoE stream quality (bitrate, flavor switches) by date.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_platforms", "30027", Quality, &["device"], "QoE stream quality (bitrate, flavor switches) per device type.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_country", "30028", Quality, &["object_id", "country", "coordinates"], "QoE stream quality (bitrate, flavor switches) per country.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_region", "30029", Quality, &["country", "region", "coordinates"], "QoE stream quality (bitrate, flavor switches) per region.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_city", "30030", Quality, &["country", "region", "city", "coordinates"], "QoE stream quality (bitrate, flavor switches) per city.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_browsers_families", "30031", Quality, &["browser_family"], "QoE stream quality (bitrate, flavor switches) per browser family.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_browsers", "30032", Quality, &["browser"], "QoE stream quality (bitrate, flavor switches) per browser.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_operating_system_families", "30033", Quality, &["os_family"], "QoE stream quality (bitrate, flavor switches) per OS family.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_operating_system", "30034", Quality, &["os"], "QoE stream quality (bitrate, flavor switches) per operating system.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_player_version", "30035", Quality, &["player_version"], "QoE stream quality (bitrate, flavor switches) per player version.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_entry", "30036", Quality, &["entry_id", "entry_name"], "QoE stream quality (bitrate, flavor switches) per entry.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_isp", "30037", Quality, &["isp"], "QoE stream quality (bitrate, flavor switches) per ISP.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_error_tracking", "30038", Quality, &["date_id"], "QoE errors (error rate, error sessions) by date.", &["avg_view_session_error_rate", "error_unknown_position_count", "error_position_count"]),
    r("qoe_error_tracking_codes", "30039", Quality, &["error_code"], "QoE errors (error rate, error sessions) per error code.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_platforms", "30040", Quality, &["device"], "QoE errors (error rate, error sessions) per device type.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_browsers_families", "30041", Quality, &["browser_family"], "QoE errors (error rate, error sessions) per browser family.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_browsers", "30042", Quality, &["browser"], "QoE errors (error rate, error sessions) per browser.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_operating_system_families", "30043", Quality, &["os_family"], "QoE errors (error rate, error sessions) per OS family.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_operating_system", "30044", Quality, &["os"], "QoE errors (error rate, error sessions) per operating system.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_player_version", "30045", Quality, &["player_version"], "QoE errors (error rate, error sessions) per player version.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_entry", "30046", Quality, &["entry_id", "entry_name"], "QoE errors (error rate, error sessions) per entry.", QOE_ERROR_METRICS),
    r("qoe_vod_session_flow", "30047", Quality, &["date_id"], "VOD session funnel: play requests, plays, 25-100% reached, errors.", QOE_VOD_SESSION_FLOW_METRICS),
    r("qoe_live_session_flow", "30048", Quality, &["date_id"], "Live session funnel: play requests, plays, errors, exits before video start.", QOE_LIVE_SESSION_FLOW_METRICS),
    r("qoe_experience_custom_var1", "30049", Quality, &["custom_var1"], "QoE experience (join time, buffering) per custom variable 1.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_custom_var2", "30050", Quality, &["custom_var2"], "QoE experience (join time, buffering) per custom variable 2.", QOE_EXPERIENCE_METRICS),
    r("qoe_experience_custom_var3", "30051", Quality, &["custom_var3"], "QoE experience (join time, buffering) per custom variable 3.", QOE_EXPERIENCE_METRICS),
    r("qoe_engagement_custom_var1", "30052", Quality, &["custom_var1"], "QoE engagement (play time, exits before video start) per custom variable 1.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_custom_var2", "30053", Quality, &["custom_var2"], "QoE engagement (play time, exits before video start) per custom variable 2.", QOE_ENGAGEMENT_METRICS),
    r("qoe_engagement_custom_var3", "30054", Quality, &["custom_var3"], "QoE engagement (play time, exits before video start) per custom variable 3.", QOE_ENGAGEMENT_METRICS),
    r("qoe_stream_quality_custom_var1", "30055", Quality, &["custom_var1"], "QoE stream quality (bitrate, flavor switches) per custom variable 1.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_custom_var2", "30056", Quality, &["custom_var2"], "QoE stream quality (bitrate, flavor switches) per custom variable 2.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_stream_quality_custom_var3", "30057", Quality, &["custom_var3"], "QoE stream quality (bitrate, flavor switches) per custom variable 3.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_error_tracking_custom_var1", "30058", Quality, &["custom_var1"], "QoE errors (error rate, error sessions) per custom variable 1.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_custom_var2", "30059", Quality, &["custom_var2"], "QoE errors (error rate, error sessions) per custom variable 2.", QOE_ERROR_METRICS),
    r("qoe_error_tracking_custom_var3", "30060", Quality, &["custom_var3"], "QoE errors (error rate, error sessions) per custom variable 3.", QOE_ERROR_METRICS),
    r("qoe_experience_application_version", "30061", Quality, &["application_version"], "QoE experience (join time, buffering) per application version.", QOE_EXPERIENCE_METRICS),
    r("qoe_engagement_application_version", "30062", Quality, &["application_version"], "QoE engagement (play time, exits before video start) per application version.", QOE_ENGAGEMENT_METRICS),
    r("qoe_stream_quality_application_version", "30063", Quality, &["application_version"], "QoE stream quality (bitrate, flavor switches) per application version.", QOE_STREAM_QUALITY_METRICS),
    r("qoe_error_tracking_application_version", "30064", Quality, &["application_version"], "QoE errors (error rate, error sessions) per application version.", QOE_ERROR_METRICS),
    r("highlights_webcast", "40001", Live, &["date_id"], "Webcast summary by date: plays, unique viewers, live and total view time.", &["count_plays", "unique_viewers", "sum_view_period", "sum_live_view_period"]),
    r("engagement_webcast", "40002", Live, &["date_id"], "Webcast engagement by date: registrations, live engagement, VOD completion.", &["live_engaged_users_play_time_ratio", "avg_vod_completion_rate", "registered"]),
    r("quality_webcast", "40003", Live, &["date_id"], "Webcast quality by date: average bitrate and live buffering ratio.", &["avg_live_buffer_time", "avg_bitrate"]),
    r("map_overlay_country_webcast", "40004", Live, &["object_id", "country", "coordinates"], "Webcast viewers, view time, buffering and engagement per country.", WEBCAST_AUDIENCE_METRICS),
    r("map_overlay_region_webcast", "40005", Live, &["country", "region", "coordinates"], "Webcast viewers, view time, buffering and engagement per region.", WEBCAST_AUDIENCE_METRICS),
    r("map_overlay_city_webcast", "40006", Live, &["country", "region", "city", "coordinates"], "Webcast viewers, view time, buffering and engagement per city.", WEBCAST_AUDIENCE_METRICS),
    r("platforms_webcast", "40007", Live, &["device"], "Webcast live and VOD plays, view time and engagement per device type.", PLATFORMS_WEBCAST_METRICS),
    r("top_domains_webcast", "40008", Live, &["object_id", "domain_name"], "Webcast plays, viewers and view time per embedding domain.", WEBCAST_AUDIENCE_METRICS),
    r("top_users_webcast", "40009", Live, &["user_id", "user_name"], "Per webcast attendee: registration, plays, view time, buffering, engagement.", TOP_USERS_WEBCAST_METRICS),
    r("engagement_breakdown_webcast", "40010", Live, &["date_id"], "Share of webcast viewers at each engagement level (none to high).", ENGAGEMENT_BREAKDOWN_WEBCAST_METRICS),
    r("engagment_timeline_webcast", "40011", Live, &["position"], "Live engagement ratio at each position of the webcast.", &["live_engaged_users_ratio"]),
    r("engagement_tools_webcast", "40012", Live, &["date_id"], "Webcast reaction and add-to-calendar clicks by date.", &["count_add_to_calendar_clicked", "count_reaction_clicked"]),
    r("reactions_breakdown_webcast", "40013", Live, &["reaction"], "Webcast reaction clicks per reaction type.", &["count_reaction_clicked"]),
    r("ve_highlights", "50000", Events, &["date_id"], "Virtual event registration funnel by date: invited, registered, attended...", VE_HIGHLIGHTS_METRICS),
    r("ve_registered_platforms", "50001", Events, &["device"], "Virtual event registrations per device type.", VE_REGISTRATION_METRICS),
    r("ve_registered_industry", "50002", Events, &["industry"], "Virtual event registrations per industry.", VE_REGISTRATION_METRICS),
    r("ve_registered_roles", "50003", Events, &["role"], "Virtual event registrations per role.", VE_REGISTRATION_METRICS),
    r("ve_registered_countries", "50004", Events, &["object_id", "country", "coordinates"], "Virtual event registrations per country.", VE_REGISTRATION_METRICS),
    r("ve_registered_world_regions", "50005", Events, &["world_region"], "Virtual event registrations per world region.", VE_REGISTRATION_METRICS),
    r("ve_user_highlights", "50006", Events, &["date_id"], "Unique registered users of virtual events, by date.", &["registered_unique_users"]),
    r("ve_attendance_highlights", "50007", Events, &["date_id"], "Virtual event attendance and unique attendees, by date.", &["count_attended", "attended_unique_users"]),
    r("ve_registered_companies", "50008", Events, &["company"], "Virtual event registrations per company.", VE_REGISTRATION_METRICS),
    r("ep_webcast_highlights", "60001", Events, &["date_id"], "Event webcast average view time (live, VOD, combined), by date.", &["vod_avg_play_time", "combined_live_avg_play_time", "vod_live_avg_view_time"]),
    r("ep_webcast_unique_users", "60002", Events, &["date_id"], "Event webcast unique viewers (live, VOD, either), by date.", &["unique_vod_viewers", "unique_combined_live_viewers", "unique_vod_live_viewers"]),
    r("ep_webcast_engagement", "60003", Events, &["date_id"], "Event webcast engagement by date: reactions, downloads, engaged live viewers.", EP_WEBCAST_ENGAGEMENT_METRICS),
    r("ep_webcast_engagement_timeline", "60004", Events, &["position"], "Engagement and reactions at each position of an event webcast.", EP_WEBCAST_ENGAGEMENT_TIMELINE_METRICS),
    r("ep_webcast_top_recording", "60005", Events, &["entry_id", "entry_name"], "Event recordings ranked by plays, view time, viewers and completion.", EP_WEBCAST_TOP_RECORDING_METRICS),
    r("ep_webcast_top_platforms", "60006", Events, &["device"], "Event webcast live and VOD viewers per device type.", EP_VIEWER_METRICS),
    r("ep_webcast_map_overlay_country", "60007", Events, &["object_id", "country", "coordinates"], "Event webcast live and VOD viewers per country.", EP_VIEWER_METRICS),
    r("ep_webcast_map_overlay_region", "60008", Events, &["country", "region", "coordinates"], "Event webcast live and VOD viewers per region.", EP_VIEWER_METRICS),
    r("ep_webcast_map_overlay_city", "60009", Events, &["country", "region", "city", "coordinates"], "Event webcast live and VOD viewers per city.", EP_VIEWER_METRICS),
    r("ep_webcast_live_user_engagement", "60010", Events, &["user_id", "user_name", "email", "title", "company", "country", "role", "industry"], "Per live event attendee: view time, reactions, chat, polls, Q&A, downloads.", EP_WEBCAST_LIVE_USER_ENGAGEMENT_METRICS),
    r("ep_webcast_live_user_engagement_level", "60011", Events, &["position", "user_engagement"], "Attendees' engagement level at each position of a live event.", &["count_viewers"]),
    r("ep_webcast_vod_user_top_content", "60012", Events, &["name", "full_name"], "Per viewer of event recordings: plays, view time and completion.", EP_WEBCAST_VOD_USER_TOP_CONTENT_METRICS),
    r("ep_webcast_vod_live_users_engagement", "60013", Events, &["first_name", "last_name", "title", "company", "email", "country", "role", "industry"], "Per attendee with profile: live and VOD view time, completion, interactions.", EP_WEBCAST_VOD_LIVE_USERS_ENGAGEMENT_METRICS),
    r("ep_attendees", "60014", Events, &["date_id"], "Unique event attendees, by date.", &["unique_event_attendees"]),
    r("ep_viewtime", "60015", Events, &["date_id"], "Event view time (live, meeting and VOD), by date.", &["union_live_meeting_vod_view_time"]),
    r("ep_top_moments", "60016", Events, &["entry_id", "entry_name", "position"], "Positions in event entries with the most live viewers.", &["combined_live_view_period_count"]),
    r("ep_top_sessions", "60017", Events, &["event_session_context_id", "name"], "Event sessions ranked by live and VOD viewers, engagement and view time.", EP_TOP_SESSIONS_METRICS),
    r("ep_webcast_engagement_over_time", "60018", Events, &["position"], "Live event engagement by position: viewers, engaged ratio, reactions, chat.", EP_WEBCAST_ENGAGEMENT_OVER_TIME_METRICS),
    r("ep_latest_downloaded_attachments", "60019", Events, &["extract_time", "entry_id", "entry_name", "attachment_id", "attachment_name", "attachment_ext"], "Latest attachment downloads, with entry and attachment.", &["count_download_attachment_clicked"]),
    r("cnc_participation", "70001", Events, &["date_id"], "Chat and collaboration participation by date: reactions, messages, polls, Q&A.", CNC_PARTICIPATION_METRICS),
    r("quiz", "quiz.QUIZ", Quiz, &["question_id"], "Per question of one quiz entry: percentage of correct answers.", QUIZ_METRICS).needs_object_ids(),
    r("quiz_aggregate_by_question", "quiz.QUIZ_AGGREGATE_BY_QUESTION", Quiz, &["question_id"], "Per quiz question (ids in objectIds): percentage of correct answers.", QUIZ_METRICS).needs_object_ids(),
    r("quiz_user_aggregate_by_question", "quiz.QUIZ_USER_AGGREGATE_BY_QUESTION", Quiz, &["user_id"], "Per user: quiz score over the entries in objectIds and/or the filter's userIds.", QUIZ_METRICS),
    r("quiz_user_percentage", "quiz.QUIZ_USER_PERCENTAGE", Quiz, &["user_id"], "Per user who submitted one quiz entry: percentage of correct answers.", QUIZ_METRICS).needs_object_ids(),
];

/// Report keys of the reference Python server whose name differs from ours,
/// and the report each one means. Its keys equal to one of our names need no
/// alias; `user_highlights` and `discovery_realtime` now reach the reports
/// they name (the reference sent 40 and 52). Left out because the enum has
/// nothing they could mean: `content_spread` (10, not in the enum),
/// `syndication_usage`, `discovery`, `realtime`, `peak_usage`,
/// `content_spread_country`, `top_contributors_country`,
/// `contribution_source`, `vod_performance` (42, 51, 53–59: other reports).
pub const ALIASES: &[(&str, &str)] = &[
    ("content", "top_content"),
    ("geographic", "map_overlay"),
    ("contributors", "top_contributors"),
    ("syndication", "top_syndication"),
    ("creators", "top_creators"),
    ("playback_context", "top_playback_context"),
    ("geographic_city", "map_overlay_city"),
    ("engagement_timeline", "user_engagement_timeline"),
    ("unique_users", "unique_users_play"),
    ("geographic_country", "map_overlay_country"),
    ("geographic_region", "map_overlay_region"),
    ("content_creator", "top_content_creator"),
    ("content_contributors", "top_content_contributors"),
    ("sources", "top_sources"),
    ("video_timeline", "percentiles"),
    ("retention_curve", "percentiles"),
    ("viewer_retention", "percentiles"),
    ("drop_off_analysis", "percentiles"),
    ("replay_detection", "percentiles"),
    ("player_interactions", "player_related_interactions"),
    // The reference sent 48 (USER_HIGHLIGHTS); LIVE is 24.
    ("live_stats", "live"),
    ("interactive_video", "user_interactive_video"),
    ("interactive_nodes", "interactive_video_top_nodes"),
    // The reference sent 55, an interactive-video report.
    ("flavor_params_usage", "flavor_params_transcoding_usage"),
    ("cdn_bandwidth", "cdn_bandwidth_usage"),
    ("realtime_country", "map_overlay_country_realtime"),
    ("realtime_users", "users_overview_realtime"),
    ("realtime_qos", "qos_overview_realtime"),
    ("webcast_highlights", "highlights_webcast"),
    // The reference sent 40011, the engagement *timeline*.
    ("webcast_engagement", "engagement_webcast"),
];

/// The report a key names: its name, an alias, or its wire id. Case and
/// surrounding blanks do not matter, and `-` stands for `_`.
pub fn find(key: &str) -> Option<&'static ReportType> {
    let key = key.trim();
    if let Some(report) = REPORTS.iter().find(|r| r.id.eq_ignore_ascii_case(key)) {
        return Some(report);
    }
    let key = key.to_ascii_lowercase().replace('-', "_");
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == key)
        .map_or(key.as_str(), |(_, name)| name);
    REPORTS.iter().find(|r| r.name == name)
}

/// The reports of one category, in the enum's order.
pub fn by_category(category: ReportCategory) -> impl Iterator<Item = &'static ReportType> {
    REPORTS.iter().filter(move |r| r.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    /// `NAME -> value` of `module.exports.ReportType` in the official client.
    fn official_enum() -> HashMap<String, String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/node_modules/kaltura-client/KalturaTypes.js"
        );
        let source = std::fs::read_to_string(path).unwrap_or_else(|error| {
            panic!("cannot read {path} ({error}); run `npm ci` first to install kaltura-client")
        });
        let start = source
            .find("module.exports.ReportType = {")
            .expect("KalturaTypes.js defines ReportType");
        let body = &source[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("};").unwrap()];
        body.lines()
            .filter_map(|line| line.split_once(" : "))
            .map(|(name, value)| {
                let value = value.trim().trim_end_matches(',').trim_matches('\'');
                (name.trim().to_string(), value.to_string())
            })
            .collect()
    }

    #[test]
    fn every_report_is_in_the_official_enum_under_its_name() {
        let official = official_enum();
        assert!(
            official.len() > 200,
            "parsed only {} values",
            official.len()
        );
        for report in REPORTS {
            let constant = report.name.to_ascii_uppercase();
            assert_eq!(
                official.get(&constant).map(String::as_str),
                Some(report.id),
                "{constant}"
            );
        }
    }

    #[test]
    fn names_and_ids_are_unique_and_well_formed() {
        let mut names = HashSet::new();
        let mut ids = HashSet::new();
        for report in REPORTS {
            assert!(names.insert(report.name), "duplicate name {}", report.name);
            assert!(ids.insert(report.id), "duplicate id {}", report.id);
            assert!(
                !report.name.is_empty()
                    && report
                        .name
                        .bytes()
                        .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_')),
                "name {:?} is not snake_case",
                report.name
            );
            // Core values are numbers; plugin values are `plugin.CONSTANT`.
            let numeric = !report.id.is_empty() && report.id.bytes().all(|b| b.is_ascii_digit());
            let plugin = report.id.split_once('.').is_some_and(|(plugin, constant)| {
                !plugin.is_empty()
                    && plugin.bytes().all(|b| b.is_ascii_lowercase())
                    && constant.eq_ignore_ascii_case(report.name)
            });
            assert!(numeric || plugin, "id {:?} of {}", report.id, report.name);
        }
    }

    #[test]
    fn descriptions_and_dimensions_are_filled_in() {
        let mut descriptions = HashSet::new();
        for report in REPORTS {
            let text = report.description;
            assert!(
                text.ends_with('.') && text.len() <= 100,
                "{}: {text:?}",
                report.name
            );
            assert!(
                descriptions.insert(text),
                "{} repeats {text:?}",
                report.name
            );
            assert!(
                !report.dimensions.is_empty(),
                "{} has no dimension",
                report.name
            );
        }
    }

    #[test]
    fn aliases_lead_to_reports_and_shadow_no_name() {
        let names: HashSet<_> = REPORTS.iter().map(|r| r.name).collect();
        let mut aliases = HashSet::new();
        for (alias, name) in ALIASES {
            assert!(aliases.insert(alias), "duplicate alias {alias}");
            assert!(names.contains(name), "alias {alias} -> unknown {name}");
            assert!(!names.contains(alias), "alias {alias} is a report's name");
            // `find` lower-cases the key before looking aliases up.
            assert_eq!(alias.to_ascii_lowercase(), *alias);
        }
    }

    #[test]
    fn the_reference_keys_reach_the_reports_they_mean() {
        let expected = [
            ("content", "1"),
            ("geographic", "4"),
            ("geographic_country", "36"),
            ("percentiles", "43"),
            ("video_timeline", "43"),
            ("user_highlights", "48"),
            ("live_stats", "24"),
            ("discovery_realtime", "10007"),
            ("flavor_params_usage", "61"),
            ("realtime_users", "10005"),
            ("qoe_overview", "30001"),
            ("qoe_error_tracking", "30038"),
            ("webcast_highlights", "40001"),
        ];
        for (key, id) in expected {
            assert_eq!(find(key).map(|r| r.id), Some(id), "{key}");
        }
        for key in [
            "content_spread",
            "syndication_usage",
            "discovery",
            "realtime",
            "peak_usage",
        ] {
            assert_eq!(find(key), None, "{key}");
        }
    }

    #[test]
    fn find_takes_names_aliases_and_ids_in_any_case() {
        let top = find("top_content").unwrap();
        assert_eq!(top.id, "1");
        assert_eq!(find("TOP_CONTENT"), Some(top));
        assert_eq!(find("  Top-Content "), Some(top));
        assert_eq!(find("Content"), Some(top));
        assert_eq!(find("1"), Some(top));
        assert_eq!(find("30001").unwrap().name, "qoe_overview");
        assert_eq!(find("QUIZ.quiz").unwrap().name, "quiz");
        assert_eq!(
            find("quiz_user_percentage").unwrap().id,
            "quiz.QUIZ_USER_PERCENTAGE"
        );
        assert_eq!(find("8"), None);
        assert_eq!(find(""), None);
        assert_eq!(find("no_such_report"), None);
    }

    #[test]
    fn requirements_are_flagged() {
        assert!(find("percentiles").unwrap().needs_object_ids);
        assert!(!find("top_content").unwrap().needs_object_ids);
        assert!(find("specific_user_engagement").unwrap().needs_user_filter);
        assert!(find("specific_user_usage").unwrap().needs_user_filter);
        assert!(!find("user_engagement").unwrap().needs_user_filter);
        assert_eq!(find("percentiles").unwrap().dimensions, ["percentile"]);
    }

    #[test]
    fn metrics_are_unique_header_names_apart_from_the_dimensions() {
        for report in REPORTS {
            let mut seen = HashSet::new();
            for metric in report.metrics {
                assert!(
                    !metric.is_empty()
                        && metric
                            .bytes()
                            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_')),
                    "{}: metric {metric:?} is not a header name",
                    report.name
                );
                assert!(
                    seen.insert(metric),
                    "{} repeats metric {metric}",
                    report.name
                );
                assert!(
                    !report.dimensions.contains(metric),
                    "{}: {metric} is also a dimension",
                    report.name
                );
            }
        }
    }

    #[test]
    fn most_reports_name_their_metrics() {
        let with_metrics = REPORTS.iter().filter(|r| !r.metrics.is_empty()).count();
        assert!(
            with_metrics >= 150,
            "only {with_metrics} reports have metrics"
        );
        let without: Vec<_> = REPORTS
            .iter()
            .filter(|r| r.metrics.is_empty())
            .map(|r| r.name)
            .collect();
        assert_eq!(
            without,
            ["applications", "entry_level_users_status_realtime"]
        );
    }

    #[test]
    fn known_reports_have_their_metrics() {
        let top = find("top_content").unwrap().metrics;
        assert_eq!(top.first(), Some(&"count_plays"));
        assert_eq!(top.len(), 10);
        assert!(top.contains(&"unique_known_users"));
        let percentiles = find("43").unwrap().metrics;
        assert!(percentiles.contains(&"count_viewers"));
        assert!(percentiles.contains(&"unique_known_users"));
        // Renamed by a column map: the header, not the metric.
        let countries = find("map_overlay_country").unwrap().metrics;
        assert!(countries.contains(&"unique_known_users"));
        assert!(!countries.contains(&"unique_viewers"));
        assert_eq!(
            find("discovery_realtime").unwrap().metrics.first(),
            Some(&"view_unique_audience")
        );
        assert_eq!(
            find("quiz_user_percentage").unwrap().metrics,
            [
                "percentage",
                "num_of_correct_answers",
                "num_of_wrong_answers"
            ]
        );
    }

    #[test]
    fn the_catalog_covers_every_family() {
        assert!(REPORTS.len() >= 60, "{} reports", REPORTS.len());
        let ids: Vec<u32> = REPORTS.iter().filter_map(|r| r.id.parse().ok()).collect();
        for (low, high) in [
            (1, 67),
            (10_001, 10_999),
            (20_001, 20_999),
            (30_001, 30_064),
            (40_001, 40_999),
        ] {
            assert!(
                ids.iter().any(|id| (low..=high).contains(id)),
                "nothing in {low}..={high}"
            );
        }
        for category in ReportCategory::ALL {
            assert!(
                by_category(category).next().is_some(),
                "{category:?} is empty"
            );
        }
        assert!(by_category(ReportCategory::Quality).all(|r| r.name.starts_with("qoe_")));
    }
}
