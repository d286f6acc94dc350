//! Timestamps as DynamoDB Streams prints them: stream labels (ISO 8601 with milliseconds, UTC) and
//! the Java `Date` form of the expired-iterator message.

use std::time::{SystemTime, UNIX_EPOCH};

/// A UTC calendar time, to the millisecond.
struct Civil {
    year: i64,
    month: usize,
    day: i64,
    weekday: usize,
    hour: i64,
    minute: i64,
    second: i64,
    millis: i64,
}

fn civil(at: SystemTime) -> Civil {
    let ms = at
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (year, month, day) = ddbmock_core::time::civil_from_days(days);
    Civil {
        year,
        month: usize::try_from(month - 1).unwrap_or(0),
        day,
        weekday: usize::try_from(ddbmock_core::time::weekday_from_days(days)).unwrap_or(0),
        hour: in_day / 3_600_000,
        minute: in_day / 60_000 % 60,
        second: in_day / 1000 % 60,
        millis: in_day % 1000,
    }
}

/// `2015-06-27T00:48:05.899`: the label of a stream, and the last part of its ARN.
pub(crate) fn stream_label(at: SystemTime) -> String {
    let c = civil(at);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}",
        c.year,
        c.month + 1,
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.millis
    )
}

/// `Thu Jul 02 12:57:57 UTC 2015`: Java's `Date.toString` in UTC, as the expired-iterator message
/// prints times.
pub(crate) fn java_date(at: SystemTime) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = civil(at);
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        DAYS[c.weekday % 7],
        MONTHS[c.month % 12],
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.year
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_instants() {
        // 2015-06-27T00:48:05.899Z, a label from the DynamoDB documentation.
        let at = UNIX_EPOCH + Duration::from_millis(1_435_366_085_899);
        assert_eq!(stream_label(at), "2015-06-27T00:48:05.899");
        // Thu Jul 02 12:57:57 UTC 2015, from a Kinesis expired-iterator message.
        let at = UNIX_EPOCH + Duration::from_secs(1_435_841_877);
        assert_eq!(java_date(at), "Thu Jul 02 12:57:57 UTC 2015");
        assert_eq!(stream_label(UNIX_EPOCH), "1970-01-01T00:00:00.000");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(java_date(leap), "Tue Feb 29 00:00:00 UTC 2000");
    }
}
