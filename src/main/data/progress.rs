//! What `load` and `dump` tell while they run and when they end: a progress bar with rate and ETA
//! on standard error when it is a terminal, and a one-line summary.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar over `total` items, hidden unless standard error is a terminal.
pub(crate) fn bar(total: u64, verb: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    let template = format!(
        "{verb} {{bar:40.cyan/blue}} {{human_pos}}/{{human_len}} items, {{per_sec}}, ETA {{eta}}"
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// `loaded 1000 items into 2 tables in 0.51 s (1961 items/s)`.
pub(crate) fn summary(
    verb: &str,
    items: u64,
    preposition: &str,
    tables: usize,
    started: Instant,
) -> String {
    let seconds = started.elapsed().as_secs_f64();
    let rate = if seconds > 0.0 {
        items as f64 / seconds
    } else {
        0.0
    };
    format!(
        "{verb} {items} item{} {preposition} {tables} table{} in {seconds:.2} s ({rate:.0} items/s)",
        if items == 1 { "" } else { "s" },
        if tables == 1 { "" } else { "s" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_in_one_line() {
        let text = summary("loaded", 1, "into", 2, Instant::now());
        assert!(
            text.starts_with("loaded 1 item into 2 tables in 0.0"),
            "{text}"
        );
        assert!(text.ends_with(" items/s)"), "{text}");
    }
}
