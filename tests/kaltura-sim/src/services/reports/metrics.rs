//! Metric columns and how each is computed from a group of fact-table rows
//! (`analytics/plays.csv`). The formulas are stated here so a test can
//! recompute any figure from the CSV:
//!
//! - `count_plays`/`views` Σplays, `count_loads` Σloads, `count_errors` Σerrors.
//! - `sum_time_viewed`, `sum_view_period`, `sum_view_time`: Σseconds_viewed / 60
//!   (minutes); `avg_time_viewed`, `avg_view_period_time`: that / Σplays.
//! - `load_play_ratio` Σplays / Σloads.
//! - `avg_completion_rate`, `avg_view_drop_off`: Σ(plays × completion_rate) / Σplays.
//! - `count_plays_N` (N = 25, 50, 75, 100): round(Σ plays × min(1, completion_rate × 100 / N)),
//!   i.e. completion_rate is the share of plays that finished and every
//!   play reaches a quartile in proportion; `play_through_ratio`
//!   count_plays_100 / count_plays.
//! - `unique_known_users` distinct non-empty user ids; `unique_videos`
//!   distinct entries; `view_unique_audience` distinct known users plus one
//!   per anonymous row.
//! - `avg_bitrate`/`avg_view_bitrate`: Σ(plays × avg_bitrate_kbps) / Σplays;
//!   `avg_join_time`: Σ(plays × join_time_ms) / Σplays / 1000 (seconds).
//! - `sum_buffer_time` Σbuffer_seconds / 60; `buffer_time_ratio`,
//!   `view_buffer_time_ratio` Σbuffer_seconds / Σseconds_viewed.
//! - `error_rate` Σerrors / Σloads.
//!
//! A ratio over zero is 0.

use std::collections::BTreeSet;

use crate::fixtures::Play;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
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
    CountPlays25,
    CountPlays50,
    CountPlays75,
    CountPlays100,
    PlayThroughRatio,
    UniqueVideos,
    AvgBitrate,
    SumBufferTime,
    BufferTimeRatio,
    AvgJoinTime,
    CountErrors,
    ErrorRate,
    Views,
    ViewUniqueAudience,
    SumViewTime,
    AvgViewBitrate,
    ViewBufferTimeRatio,
}

/// The quartiles `count_plays_N` counts, as fractions of the video.
const QUARTILES: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

/// Running sums over a group of rows.
#[derive(Debug, Clone, Default)]
pub struct Acc<'a> {
    plays: f64,
    loads: f64,
    seconds: f64,
    completion: f64,
    reached: [f64; 4],
    bitrate: f64,
    buffer: f64,
    join_ms: f64,
    errors: f64,
    anonymous: usize,
    users: BTreeSet<&'a str>,
    entries: BTreeSet<&'a str>,
}

impl<'a> Acc<'a> {
    pub fn add(&mut self, play: &'a Play) {
        self.plays += play.plays;
        self.loads += play.loads;
        self.seconds += play.seconds_viewed;
        self.completion += play.plays * play.completion_rate;
        for (reached, quartile) in self.reached.iter_mut().zip(QUARTILES) {
            *reached += play.plays * (play.completion_rate / quartile).min(1.0);
        }
        self.bitrate += play.plays * play.avg_bitrate_kbps;
        self.buffer += play.buffer_seconds;
        self.join_ms += play.plays * play.join_time_ms;
        self.errors += play.errors;
        if play.user_id.is_empty() {
            self.anonymous += 1;
        } else {
            self.users.insert(&play.user_id);
        }
        self.entries.insert(&play.entry_id);
    }

    pub fn of(rows: impl IntoIterator<Item = &'a Play>) -> Acc<'a> {
        let mut acc = Acc::default();
        rows.into_iter().for_each(|play| acc.add(play));
        acc
    }

    fn per_play(&self, sum: f64) -> f64 {
        ratio(sum, self.plays)
    }
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}

impl Metric {
    pub fn name(self) -> &'static str {
        match self {
            Metric::CountPlays => "count_plays",
            Metric::SumTimeViewed => "sum_time_viewed",
            Metric::AvgTimeViewed => "avg_time_viewed",
            Metric::CountLoads => "count_loads",
            Metric::LoadPlayRatio => "load_play_ratio",
            Metric::AvgViewDropOff => "avg_view_drop_off",
            Metric::UniqueKnownUsers => "unique_known_users",
            Metric::SumViewPeriod => "sum_view_period",
            Metric::AvgViewPeriodTime => "avg_view_period_time",
            Metric::AvgCompletionRate => "avg_completion_rate",
            Metric::CountPlays25 => "count_plays_25",
            Metric::CountPlays50 => "count_plays_50",
            Metric::CountPlays75 => "count_plays_75",
            Metric::CountPlays100 => "count_plays_100",
            Metric::PlayThroughRatio => "play_through_ratio",
            Metric::UniqueVideos => "unique_videos",
            Metric::AvgBitrate => "avg_bitrate",
            Metric::SumBufferTime => "sum_buffer_time",
            Metric::BufferTimeRatio => "buffer_time_ratio",
            Metric::AvgJoinTime => "avg_join_time",
            Metric::CountErrors => "count_errors",
            Metric::ErrorRate => "error_rate",
            Metric::Views => "views",
            Metric::ViewUniqueAudience => "view_unique_audience",
            Metric::SumViewTime => "sum_view_time",
            Metric::AvgViewBitrate => "avg_view_bitrate",
            Metric::ViewBufferTimeRatio => "view_buffer_time_ratio",
        }
    }

    pub fn value(self, acc: &Acc) -> f64 {
        let minutes = acc.seconds / 60.0;
        match self {
            Metric::CountPlays | Metric::Views => acc.plays,
            Metric::SumTimeViewed | Metric::SumViewPeriod | Metric::SumViewTime => minutes,
            Metric::AvgTimeViewed | Metric::AvgViewPeriodTime => acc.per_play(minutes),
            Metric::CountLoads => acc.loads,
            Metric::LoadPlayRatio => ratio(acc.plays, acc.loads),
            Metric::AvgViewDropOff | Metric::AvgCompletionRate => acc.per_play(acc.completion),
            Metric::UniqueKnownUsers => acc.users.len() as f64,
            Metric::CountPlays25 => acc.reached[0].round(),
            Metric::CountPlays50 => acc.reached[1].round(),
            Metric::CountPlays75 => acc.reached[2].round(),
            Metric::CountPlays100 => acc.reached[3].round(),
            Metric::PlayThroughRatio => ratio(acc.reached[3].round(), acc.plays),
            Metric::UniqueVideos => acc.entries.len() as f64,
            Metric::AvgBitrate | Metric::AvgViewBitrate => acc.per_play(acc.bitrate),
            Metric::SumBufferTime => acc.buffer / 60.0,
            Metric::BufferTimeRatio | Metric::ViewBufferTimeRatio => ratio(acc.buffer, acc.seconds),
            Metric::AvgJoinTime => acc.per_play(acc.join_ms) / 1000.0,
            Metric::CountErrors => acc.errors,
            Metric::ErrorRate => ratio(acc.errors, acc.loads),
            Metric::ViewUniqueAudience => (acc.users.len() + acc.anonymous) as f64,
        }
    }
}

/// A number as PHP prints analytics figures: integral values without a
/// decimal point, others rounded to 10 decimals without trailing zeros;
/// anything not finite is 0.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    if value.abs() >= 1e15 {
        return format!("{value:.0}");
    }
    let rounded = (value * 1e10).round() / 1e10;
    if rounded == rounded.trunc() {
        return (rounded as i64).to_string();
    }
    let text = format!("{rounded:.10}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
