//! Unix time to calendar dates (UTC), without a date library: the core
//! needs only formatting and day arithmetic, and stays small on wasm.

/// `YYYY-MM-DDTHH:MM:SSZ` for unix seconds (negative times clamp to 1970).
pub fn format_utc(unix_secs: i64) -> String {
    let secs = unix_secs.max(0);
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) — Howard Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) to days since 1970-01-01 — the inverse of
/// [`civil_from_days`].
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days in `month` (1-12) of `year`, leap years included.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (days_from_civil(next_year, next_month, 1) - days_from_civil(year, month, 1)) as u32
}

/// Unix seconds of `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS][Z]`
/// (UTC); `None` for anything else, including impossible dates.
pub fn parse_utc(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time.trim_end_matches('Z'))),
        None => (text, None),
    };
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u32 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    let days = days_from_civil(year, month, day);
    if civil_from_days(days) != (year, month, day) {
        return None;
    }
    let seconds = match time {
        None => 0,
        Some(time) => {
            let fields: Vec<u32> = time
                .split(':')
                .map(|field| field.parse().ok())
                .collect::<Option<_>>()?;
            match fields.as_slice() {
                [h, m] if *h < 24 && *m < 60 => i64::from(h * 3600 + m * 60),
                [h, m, s] if *h < 24 && *m < 60 && *s < 60 => i64::from(h * 3600 + m * 60 + s),
                _ => return None,
            }
        }
    };
    Some(days * 86_400 + seconds)
}

/// `H:MM:SS` (or `M:SS` under an hour) for a media position in milliseconds.
pub fn format_position(millis: i64) -> String {
    let secs = millis.max(0) / 1000;
    let (hours, minutes, seconds) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(1_893_456_000), "2030-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_795_411_604), "2026-11-23T05:26:44Z");
        assert_eq!(format_utc(-5), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn parses_dates_and_rejects_impossible_ones() {
        assert_eq!(parse_utc("2026-11-23"), Some(1_795_392_000));
        assert_eq!(parse_utc("2026-11-23T05:26:44Z"), Some(1_795_411_604));
        assert_eq!(parse_utc("2000-02-29"), Some(951_782_400));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-23",
            "yesterday",
            "2026-11-23T25:00",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
        for days in [-1000, 0, 11_000, 20_415] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn month_lengths_follow_leap_years() {
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 4), 30);
        assert_eq!(days_in_month(2026, 12), 31);
    }

    #[test]
    fn positions_read_like_player_times() {
        assert_eq!(format_position(83_500), "1:23");
        assert_eq!(format_position(3_723_000), "1:02:03");
        assert_eq!(format_position(-1), "0:00");
    }
}
