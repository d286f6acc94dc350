//! Civil (proleptic Gregorian, UTC) dates to and from days since the Unix epoch.
//!
//! Public because both the engine (stream labels, the expired-iterator message) and the server
//! (SigV4 timestamps) print or parse dates, and this is the one crate both depend on; it is not
//! part of the DynamoDB API. Howard Hinnant's algorithms: exact over the whole `i64` day range
//! that matters, with no tables and no date crate to build.

/// The civil date `(year, month 1..=12, day 1..=31)` of the day `days` after 1970-01-01 (negative:
/// before it).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The number of days from 1970-01-01 to the civil date `year`-`month`-`day` (month 1..=12); the
/// inverse of [`civil_from_days`].
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the week of the day `days` after 1970-01-01, Sunday = 0.
pub fn weekday_from_days(days: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (days + 4).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(days_from_civil(2100, 3, 1), 47_541);
        assert_eq!(weekday_from_days(0), 4);
        assert_eq!(weekday_from_days(11_016), 2, "2000-02-29 was a Tuesday");
    }

    #[test]
    fn round_trips_across_leap_rules() {
        // Four centuries either side of the epoch cover every leap-year rule (4, 100, 400).
        for days in -146_097..146_097 {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && (1..=31).contains(&d), "{days}");
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }
}
