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

/// True for `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
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
