//! Days and date ids. The fact table is daily (UTC), so a report range is
//! a span of day numbers (days since 1970-01-01) and an interval decides
//! how days are labelled: `YYYYMMDD`, `YYYYMM`, `YYYY` or, for hourly
//! intervals, `YYYYMMDDHH` (all of a day's plays fall on hour 00).

use crate::error::ApiError;

pub const DAY: i64 = 86_400;
/// 9999-12-31: later dates are clamped so labels keep four-digit years.
pub const LAST_DAY: i64 = 2_932_896;
/// At most this many graph points, the latest kept: a decades-long hourly
/// range would otherwise be millions of strings.
pub const MAX_POINTS: i64 = 10_000;

/// Day number of a civil date (proleptic Gregorian).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a day number.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `"YYYYMMDD"` as a day number; anything else (or an impossible date) is
/// `None`.
pub fn parse_day(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, month, day) = (
        text[..4].parse().ok()?,
        text[4..6].parse().ok()?,
        text[6..].parse().ok()?,
    );
    let days = days_from_civil(year, month, day);
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// The day a unix time falls on, clamped to 1970..=9999.
pub fn day_of(seconds: i64) -> i64 {
    seconds.div_euclid(DAY).clamp(0, LAST_DAY)
}

/// `KalturaReportInterval`, reduced to the granularities a daily fact
/// table can label: minutes and ten-second buckets are labelled by hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Hours,
    Days,
    Months,
    Years,
}

impl Interval {
    pub fn parse(value: Option<&str>) -> Result<Interval, ApiError> {
        match value {
            None | Some("days") => Ok(Interval::Days),
            Some("hours" | "minutes" | "ten_minutes" | "ten_seconds") => Ok(Interval::Hours),
            Some("months") => Ok(Interval::Months),
            Some("years") => Ok(Interval::Years),
            Some(other) => Err(ApiError::invalid_enum(
                other,
                "interval",
                "KalturaReportInterval",
            )),
        }
    }

    /// The label of the bucket a day's plays fall in.
    pub fn label(self, day: i64) -> String {
        let (year, month, date) = civil_from_days(day);
        match self {
            Interval::Hours => format!("{year:04}{month:02}{date:02}00"),
            Interval::Days => format!("{year:04}{month:02}{date:02}"),
            Interval::Months => format!("{year:04}{month:02}"),
            Interval::Years => format!("{year:04}"),
        }
    }

    /// Every bucket label from day `from` to day `to` inclusive, in order
    /// (the latest `MAX_POINTS` of them).
    pub fn labels(self, from: i64, to: i64) -> Vec<String> {
        if from > to {
            return Vec::new();
        }
        match self {
            Interval::Days => (from.max(to - MAX_POINTS + 1)..=to)
                .map(|day| self.label(day))
                .collect(),
            Interval::Hours => {
                let first = from.max(to - MAX_POINTS / 24 + 1);
                (first..=to)
                    .flat_map(|day| {
                        let date = Interval::Days.label(day);
                        (0..24).map(move |hour| format!("{date}{hour:02}"))
                    })
                    .collect()
            }
            Interval::Months => {
                let month_index = |day: i64| {
                    let (year, month, _) = civil_from_days(day);
                    year * 12 + month - 1
                };
                let last = month_index(to);
                (month_index(from).max(last - MAX_POINTS + 1)..=last)
                    .map(|index| format!("{:04}{:02}", index / 12, index % 12 + 1))
                    .collect()
            }
            Interval::Years => {
                let (first, last) = (civil_from_days(from).0, civil_from_days(to).0);
                (first..=last).map(|year| format!("{year:04}")).collect()
            }
        }
    }
}
