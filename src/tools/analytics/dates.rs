//! The `from_date`/`to_date` arguments of analytics tools, read into the
//! absolute UTC range a Kaltura report filter takes. "Now" is passed in, so
//! the rules stay platform-free and testable.

use crate::time::{civil_from_days, days_from_civil, days_in_month, format_utc, parse_utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

const DAY: i64 = 86_400;
const ACCEPTED: &str = "YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ, today, yesterday, last_7_days, \
    last_30_days, last_90_days, this_month, last_month, this_year, or how long ago: \
    -24h, -7d, -2w, -3m (until now)";

/// Kaltura's `interval`: how finely a report buckets its figures over time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Hours,
    #[default]
    Days,
    Months,
}

impl Interval {
    pub fn wire(self) -> &'static str {
        match self {
            Interval::Hours => "hours",
            Interval::Days => "days",
            Interval::Months => "months",
        }
    }

    /// Calendar days a report may span: Kaltura refuses longer ranges, and
    /// keeps hourly figures only briefly. Three years, counted generously so
    /// that `-36m` (both end days included, maybe a leap day) still fits.
    pub fn max_days(self) -> i64 {
        match self {
            Interval::Hours => 31,
            Interval::Days | Interval::Months => 3 * 366,
        }
    }
}

/// A resolved report range, all in UTC; `to` is inclusive.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DateRange {
    pub from: String,
    pub to: String,
    pub time_zone: String,
    #[serde(skip)]
    pub from_unix: i64,
    #[serde(skip)]
    pub to_unix: i64,
    /// How the arguments were read when that is not obvious (defaults, clamping).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DateError {
    #[error("`{arg}` {value:?} is not a date; use {accepted}", accepted = ACCEPTED)]
    Unrecognized { arg: &'static str, value: String },
    #[error("`from_date` {from} is in the future: today (UTC) ends at {today_end}")]
    FromInFuture { from: String, today_end: String },
    #[error("`from_date` {from} is after `to_date` {to}")]
    Reversed { from: String, to: String },
    #[error(
        "{from} to {to} spans {days} days, but Kaltura reports by {} cover at most {} days; \
         narrow `from_date`/`to_date`{}",
        .interval.wire(),
        .interval.max_days(),
        if *.interval == Interval::Hours { ", or use interval `days`" } else { "" }
    )]
    TooLong {
        from: String,
        to: String,
        days: i64,
        interval: Interval,
    },
}

/// One argument read on its own: the first and last second it covers, and
/// whether it names a whole range (a keyword or "how long ago").
struct Span {
    start: i64,
    end: i64,
    whole_range: bool,
}

impl DateRange {
    /// Reads the arguments against `now_unix`. Defaults to the 30 days ending
    /// today (or ending `to_date`); a `to_date` past today is clamped to the end
    /// of today, with a `note` saying so.
    pub fn resolve(
        from: Option<&str>,
        to: Option<&str>,
        interval: Interval,
        now_unix: i64,
    ) -> Result<DateRange, DateError> {
        let (from, to) = (given(from), given(to));
        let today_end = now_unix.div_euclid(DAY) * DAY + DAY - 1;
        let read = |arg, text: Option<&str>| text.map(|text| span(arg, text, now_unix));
        let from_span = read("from_date", from).transpose()?;
        let to_span = read("to_date", to).transpose()?;
        let mut notes = Vec::new();

        let mut end = match (&from_span, &to_span) {
            (_, Some(to_span)) => to_span.end,
            (Some(from_span), None) if from_span.whole_range => from_span.end,
            _ => today_end,
        };
        if end > today_end {
            let (to, ends) = (to.unwrap_or_default(), format_utc(today_end));
            notes.push(format!(
                "`to_date` {to} is in the future; the range ends with today, {ends}"
            ));
            end = today_end;
        }
        let start = match from_span {
            Some(from_span) => from_span.start,
            None => {
                notes.push("no `from_date`: the 30 days ending `to_date` (or today)".into());
                (end.div_euclid(DAY) - 29) * DAY
            }
        };

        if start > today_end {
            return Err(DateError::FromInFuture {
                from: format_utc(start),
                today_end: format_utc(today_end),
            });
        }
        if start > end {
            return Err(DateError::Reversed {
                from: format_utc(start),
                to: format_utc(end),
            });
        }
        let range = DateRange {
            from: format_utc(start),
            to: format_utc(end),
            time_zone: "UTC".into(),
            from_unix: start,
            to_unix: end,
            note: (!notes.is_empty()).then(|| notes.join("; ")),
        };
        let days = range.days();
        if days > interval.max_days() {
            let (from, to) = (range.from, range.to);
            return Err(DateError::TooLong {
                from,
                to,
                days,
                interval,
            });
        }
        Ok(range)
    }

    /// `YYYYMMDD` of the first day, for the report filter's `fromDay`.
    pub fn from_day(&self) -> String {
        compact_day(self.from_unix)
    }

    /// `YYYYMMDD` of the last day, for the report filter's `toDay`.
    pub fn to_day(&self) -> String {
        compact_day(self.to_unix)
    }

    /// Calendar days the range touches, both ends included.
    pub fn days(&self) -> i64 {
        self.to_unix.div_euclid(DAY) - self.from_unix.div_euclid(DAY) + 1
    }
}

/// Blank arguments count as absent: clients often send `""` for "not set".
fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

fn compact_day(unix: i64) -> String {
    format_utc(unix)[..10].replace('-', "")
}

fn span(arg: &'static str, text: &str, now: i64) -> Result<Span, DateError> {
    let today = now.div_euclid(DAY);
    let (year, month, _) = civil_from_days(today);
    let this_month = days_from_civil(year, month, 1);
    let through_today = |first_day: i64| (first_day * DAY, (today + 1) * DAY - 1);
    let keyword = match text.to_ascii_lowercase().as_str() {
        "today" => Some(through_today(today)),
        "yesterday" => Some(((today - 1) * DAY, today * DAY - 1)),
        "last_7_days" => Some(through_today(today - 6)),
        "last_30_days" => Some(through_today(today - 29)),
        "last_90_days" => Some(through_today(today - 89)),
        "this_month" => Some(through_today(this_month)),
        "last_month" => {
            let (year, month, _) = civil_from_days(this_month - 1);
            Some((days_from_civil(year, month, 1) * DAY, this_month * DAY - 1))
        }
        "this_year" => Some(through_today(days_from_civil(year, 1, 1))),
        _ => None,
    };
    if let Some((start, end)) = keyword.or_else(|| ago(text, now).map(|start| (start, now))) {
        return Ok(Span {
            start,
            end,
            whole_range: true,
        });
    }
    let start = parse_utc(text).ok_or_else(|| DateError::Unrecognized {
        arg,
        value: text.chars().take(40).collect(),
    })?;
    // A bare date means its whole day, so a `to_date` includes it.
    let end = start + if text.len() == 10 { DAY - 1 } else { 0 };
    Ok(Span {
        start,
        end,
        whole_range: false,
    })
}

/// The instant `-24h`, `-7d`, `-2w` or `-3m` before `now`; months keep the
/// day of the month, or the month's last day when it is shorter.
fn ago(text: &str, now: i64) -> Option<i64> {
    let text = text.strip_prefix('-')?;
    let unit = text.chars().last()?;
    let count = text[..text.len() - unit.len_utf8()].parse::<u32>().ok();
    let count = i64::from(count.filter(|&count| count > 0)?);
    match unit.to_ascii_lowercase() {
        'h' => Some(now - count * 3600),
        'd' => Some(now - count * DAY),
        'w' => Some(now - count * 7 * DAY),
        'm' => {
            let (year, month, day) = civil_from_days(now.div_euclid(DAY));
            let index = year * 12 + i64::from(month) - 1 - count;
            let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
            let day = day.min(days_in_month(year, month));
            Some(days_from_civil(year, month, day) * DAY + now.rem_euclid(DAY))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-23T05:26:44Z, a Monday.
    const NOW: i64 = 1_795_411_604;
    const N: &str = "2026-11-23T05:26:44Z";

    /// Rows of `from_date`, `to_date` (blank: absent), now, the range they
    /// resolve to by day, and its length in days.
    type Case = (&'static str, &'static str, &'static str, &'static str, i64);

    fn check(cases: &[Case]) {
        for &(from, to, now, expected, days) in cases {
            let now_unix = parse_utc(now).unwrap();
            let range = DateRange::resolve(Some(from), Some(to), Interval::Days, now_unix).unwrap();
            let shown = format!("{}..{}", range.from, range.to);
            assert_eq!(
                (shown.as_str(), range.days()),
                (expected, days),
                "{from:?} {to:?} at {now}"
            );
        }
    }

    fn resolve(from: &str, to: &str, interval: Interval) -> Result<DateRange, DateError> {
        DateRange::resolve(Some(from), Some(to), interval, NOW)
    }

    #[rustfmt::skip]
    #[test]
    fn keywords_at_a_fixed_now() {
        check(&[
            ("today",        "", N, "2026-11-23T00:00:00Z..2026-11-23T23:59:59Z", 1),
            ("yesterday",    "", N, "2026-11-22T00:00:00Z..2026-11-22T23:59:59Z", 1),
            ("last_7_days",  "", N, "2026-11-17T00:00:00Z..2026-11-23T23:59:59Z", 7),
            ("last_30_days", "", N, "2026-10-25T00:00:00Z..2026-11-23T23:59:59Z", 30),
            ("LAST_90_DAYS", "", N, "2026-08-26T00:00:00Z..2026-11-23T23:59:59Z", 90),
            ("this_month",   "", N, "2026-11-01T00:00:00Z..2026-11-23T23:59:59Z", 23),
            ("last_month",   "", N, "2026-10-01T00:00:00Z..2026-10-31T23:59:59Z", 31),
            ("this_year",    "", N, "2026-01-01T00:00:00Z..2026-11-23T23:59:59Z", 327),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn relative_values_run_until_now() {
        check(&[
            ("-24h", "", N, "2026-11-22T05:26:44Z..2026-11-23T05:26:44Z", 2),
            ("-7d",  "", N, "2026-11-16T05:26:44Z..2026-11-23T05:26:44Z", 8),
            ("-2w",  "", N, "2026-11-09T05:26:44Z..2026-11-23T05:26:44Z", 15),
            ("-3m",  "", N, "2026-08-23T05:26:44Z..2026-11-23T05:26:44Z", 93),
            ("-12M", "", N, "2025-11-23T05:26:44Z..2026-11-23T05:26:44Z", 366),
        ]);
        for bad in ["-0d", "-7", "-7y", "7d", "--7d", "-d", "-1.5d"] {
            assert!(resolve(bad, "", Interval::Days).is_err(), "{bad}");
        }
    }

    #[rustfmt::skip]
    #[test]
    fn iso_dates_include_the_whole_to_day() {
        check(&[
            ("2026-11-01", "2026-11-10", N, "2026-11-01T00:00:00Z..2026-11-10T23:59:59Z", 10),
            ("2026-11-01T06:00Z", "2026-11-02T18:30:00Z", N, "2026-11-01T06:00:00Z..2026-11-02T18:30:00Z", 2),
            ("2026-11-20", "", N, "2026-11-20T00:00:00Z..2026-11-23T23:59:59Z", 4),
            // Otherwise `from_date` takes where its value starts, `to_date` where its value ends.
            ("2026-11-01", "yesterday", N, "2026-11-01T00:00:00Z..2026-11-22T23:59:59Z", 22),
            ("this_year", "2026-01-31", N, "2026-01-01T00:00:00Z..2026-01-31T23:59:59Z", 31),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn defaults_to_the_30_days_ending_today_or_to_date() {
        check(&[
            ("", "", N, "2026-10-25T00:00:00Z..2026-11-23T23:59:59Z", 30),
            (" ", "2026-03-31", N, "2026-03-02T00:00:00Z..2026-03-31T23:59:59Z", 30),
        ]);
        let range = DateRange::resolve(None, None, Interval::Days, NOW).unwrap();
        assert_eq!(range.from_day(), "20261025");
        assert_eq!(range.to_day(), "20261123");
        assert!(range.note.as_deref().unwrap().contains("no `from_date`"));
        let json = serde_json::to_value(&range).unwrap();
        assert_eq!(json["timeZone"], "UTC");
        assert_eq!(json.get("fromUnix"), None);
    }

    #[rustfmt::skip]
    #[test]
    fn month_ends_and_leap_years() {
        check(&[
            ("last_month", "", "2026-03-15", "2026-02-01T00:00:00Z..2026-02-28T23:59:59Z", 28),
            ("last_month", "", "2024-03-10", "2024-02-01T00:00:00Z..2024-02-29T23:59:59Z", 29),
            ("last_month", "", "2027-01-05", "2026-12-01T00:00:00Z..2026-12-31T23:59:59Z", 31),
            ("this_month", "", "2027-01-31T23:59:59Z", "2027-01-01T00:00:00Z..2027-01-31T23:59:59Z", 31),
            ("-1m", "", "2024-03-31T10:00", "2024-02-29T10:00:00Z..2024-03-31T10:00:00Z", 32),
            ("2024-02-28", "", "2024-03-01", "2024-02-28T00:00:00Z..2024-03-01T23:59:59Z", 3),
        ]);
    }

    #[test]
    fn future_to_date_is_clamped_to_the_end_of_today() {
        let range = resolve("2026-11-01", "2027-01-01", Interval::Days).unwrap();
        assert_eq!(range.to, "2026-11-23T23:59:59Z");
        assert_eq!(range.to_day(), "20261123");
        let note = range.note.unwrap();
        assert!(
            note.contains("`to_date` 2027-01-01 is in the future"),
            "{note}"
        );
    }

    #[test]
    fn errors_name_the_argument_and_the_accepted_forms() {
        let err = |from, to, interval| resolve(from, to, interval).unwrap_err();
        let garbage = err("last week", "", Interval::Days);
        let message = garbage.to_string();
        assert!(
            message.starts_with("`from_date` \"last week\" is not a date"),
            "{message}"
        );
        assert!(message.contains("last_30_days, last_90_days"), "{message}");
        let bad_to = err("today", "2026-02-30", Interval::Days).to_string();
        assert!(
            bad_to.starts_with("`to_date` \"2026-02-30\" is not a date"),
            "{bad_to}"
        );
        let reversed = err("2026-11-10", "2026-11-01", Interval::Days);
        assert!(matches!(reversed, DateError::Reversed { .. }), "{reversed}");
        let future = err("2026-11-24", "", Interval::Days);
        assert!(matches!(future, DateError::FromInFuture { .. }), "{future}");
    }

    #[test]
    fn ranges_longer_than_kaltura_allows_are_refused() {
        let hourly = resolve("2026-10-01", "2026-11-01", Interval::Hours).unwrap_err();
        let message = hourly.to_string();
        assert!(
            message.contains("spans 32 days") && message.contains("at most 31"),
            "{message}"
        );
        assert!(message.contains("use interval `days`"), "{message}");
        assert!(resolve("2026-10-02", "2026-11-01", Interval::Hours).is_ok());
        let long = resolve("2020-01-01", "", Interval::Months).unwrap_err();
        let long = long.to_string();
        assert!(long.contains("by months cover at most 1098 days"), "{long}");
        assert!(resolve("-36m", "", Interval::Months).is_ok());
        assert_eq!(Interval::Hours.wire(), "hours");
        assert_eq!(serde_json::to_value(Interval::Months).unwrap(), "months");
    }
}
