//! `ddbmock report`: fetches `GET /ddbmock/capacity` from a running server and prints it as a table.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

/// Fetches the report from `endpoint` (`http://host:port`), with the admin `token` of a server
/// started with `--auth`, and prints it.
pub(crate) fn print(endpoint: &str, token: Option<&str>) -> Result<(), String> {
    let report = fetch(endpoint, token)?;
    print!("{}", render(&report));
    Ok(())
}

fn fetch(endpoint: &str, token: Option<&str>) -> Result<Value, String> {
    let authority = endpoint
        .strip_prefix("http://")
        .ok_or("the endpoint must be http://HOST:PORT")?
        .trim_end_matches('/');
    let mut stream =
        TcpStream::connect(authority).map_err(|e| format!("cannot reach {endpoint}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let authorization = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        stream,
        "GET /ddbmock/capacity HTTP/1.1\r\nHost: {authority}\r\n{authorization}Connection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or("a malformed HTTP response")?;
    if !head.starts_with("HTTP/1.1 200") {
        return Err(format!(
            "{endpoint} answered {}",
            head.lines().next().unwrap_or_default()
        ));
    }
    serde_json::from_str(body).map_err(|e| format!("{endpoint} did not answer a report: {e}"))
}

/// The report as a text table, one line per table and per index.
pub(crate) fn render(report: &Value) -> String {
    let mut out = format!(
        "{:<40} {:>10} {:>10} {:>8} {:>8} {:>8} {:>8} {:>9} {:>10} {:>12} {:>12} {:>12}\n",
        "table / index",
        "RCU",
        "WCU",
        "peak R/s",
        "peak W/s",
        "p99 R/s",
        "p99 W/s",
        "throttled",
        "items",
        "bytes",
        "$/mo demand",
        "$/mo prov."
    );
    let num = |v: &Value| v.as_f64().unwrap_or(0.0);
    let usage_line = |name: &str, u: &Value| {
        format!(
            "{:<40} {:>10.1} {:>10.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>9}",
            name,
            num(&u["TotalReadUnits"]),
            num(&u["TotalWriteUnits"]),
            num(&u["PeakReadUnitsPerSecond"]),
            num(&u["PeakWriteUnitsPerSecond"]),
            num(&u["P99ReadUnitsPerSecond"]),
            num(&u["P99WriteUnitsPerSecond"]),
            u["ThrottledRequests"].as_u64().unwrap_or(0),
        )
    };
    if let Some(tables) = report["Tables"].as_object() {
        for (name, t) in tables {
            out.push_str(&format!(
                "{} {:>10} {:>12} {:>12.2} {:>12.2}\n",
                usage_line(name, &t["Usage"]),
                t["ItemCount"].as_i64().unwrap_or(0),
                t["TableSizeBytes"].as_i64().unwrap_or(0),
                num(&t["MonthlyCostOnDemand"]),
                num(&t["MonthlyCostProvisioned"]),
            ));
            for (index, u) in t["Indexes"].as_object().into_iter().flatten() {
                out.push_str(&format!("{}\n", usage_line(&format!("  {index}"), u)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_and_indexes() {
        let report = serde_json::json!({"Tables": {"orders": {
            "Usage": {"TotalReadUnits": 1.5, "TotalWriteUnits": 3.0, "ThrottledRequests": 2},
            "Indexes": {"by_status": {"TotalWriteUnits": 3.0}},
            "ItemCount": 3, "TableSizeBytes": 120, "MonthlyCostOnDemand": 1.25, "MonthlyCostProvisioned": 0.5
        }}});
        let text = render(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[1].starts_with("orders "));
        assert!(
            lines[1].contains(" 1.5 ")
                && lines[1].contains(" 3.0 ")
                && lines[1].ends_with("1.25         0.50")
        );
        assert!(lines[2].starts_with("  by_status "));
    }
}
