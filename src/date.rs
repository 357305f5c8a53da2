//! Calendar dates without a date library: ADR dates (`YYYY-MM-DD`), session ids and the times
//! shown in session lists. A neutral home, so persistence (`store`) and the ADR writer (`adr`)
//! do not depend on each other for a date function. (`time` is compiled in through
//! ratatui's calendar widget, but not as a dependency we could rely on; Hinnant's algorithm is
//! ten lines and tested here.)

/// Today's date (UTC), or `TRADEOFFS_DATE` when set, so rendered files can be reproduced.
pub fn today() -> String {
    if let Ok(d) = std::env::var("TRADEOFFS_DATE")
        && is_iso_date(&d)
    {
        return d;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d, ..) = civil(secs);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True for `YYYY-MM-DD` naming a day that exists (no 2026-02-31, no 2025-02-29).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if !(b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()))
    {
        return false;
    }
    let year: u32 = s[..4].parse().unwrap_or(0);
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
}

/// Days in a month of the proleptic Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Seconds since the epoch → UTC year, month, day, hour, minute, second.
pub fn civil(secs: u64) -> (i64, u32, u32, u32, u32, u32) {
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    (
        y,
        m,
        d,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
    )
}

/// `YYYY-MM-DD HH:MM` (UTC) for lists; `-` for an unknown time.
pub fn format_time(secs: u64) -> String {
    if secs == 0 {
        return "-".into();
    }
    let (y, mo, d, h, mi, _) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("2025-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(!is_iso_date("2026-02-31"));
        assert!(!is_iso_date("2026-04-31"));
        assert!(is_iso_date("2026-12-31"));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_418), (2025, 11, 26));
        assert!(is_iso_date("2026-11-26"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-11-2026"));
    }

    #[test]
    fn times_for_lists() {
        assert_eq!(format_time(951_827_696), "2000-02-29 12:34");
        assert_eq!(format_time(0), "-");
    }
}
