//! ISO 8601 basic-format timestamps (`20260101T000000Z`), the only dates SigV4 uses, to and from
//! `SystemTime`, over `ddbmock_core::time`'s calendar arithmetic (a date crate would cost more to
//! build than the server's own code).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ddbmock_core::time::{civil_from_days, days_from_civil};

/// Parses `YYYYMMDDTHHMMSSZ`; `None` for anything else (DynamoDB's "ISO-8601 'basic format'").
pub(crate) fn parse(text: &str) -> Option<SystemTime> {
    let b = text.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u64> {
        let part = text.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = (digits(0..4)?, digits(4..6)?, digits(6..8)?);
    let (hour, minute, second) = (digits(9..11)?, digits(11..13)?, digits(13..15)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 || year < 1970 {
        return None;
    }
    let days = days_from_civil(year as i64, month as i64, day as i64);
    let secs = u64::try_from(days).ok()? * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UNIX_EPOCH + Duration::from_secs(secs))
}

/// Formats `time` as `YYYYMMDDTHHMMSSZ` (whole seconds, UTC).
pub(crate) fn format(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in [
            "19700101T000000Z",
            "20260101T000000Z",
            "20240229T235959Z",
            "21000301T120000Z",
        ] {
            assert_eq!(format(parse(text).unwrap()), text);
        }
        assert_eq!(
            parse("20260101T000000Z").unwrap(),
            UNIX_EPOCH + Duration::from_secs(1_767_225_600)
        );
    }

    #[test]
    fn rejects_anything_else() {
        for text in [
            "201",
            "2026-01-01T00:00:00Z",
            "20260101T000000",
            "20261301T000000Z",
            "2026010aT000000Z",
            "20260101T250000Z",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
