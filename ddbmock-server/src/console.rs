//! The web console: its files (ddbmock-server/console/), embedded in the binary at compile time and
//! served at [`PATH`]. Plain HTML, CSS and JavaScript modules, with no build step and nothing
//! fetched from elsewhere: the page talks to the server only through the DynamoDB JSON API (signed
//! with SigV4 in the browser) and `GET /ddbmock/capacity`, so it can never show something the API
//! would not.
//!
//! The files are served without authentication, even under `--auth`: they are the same bytes as in
//! every copy of the binary and hold no data. What the page reads it reads through the API, which
//! asks for a signature as it does of any client.

use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue};
use hyper::{Response, StatusCode};

use crate::reply::{self, Body};

/// Where the console is served: its page at this path (with or without a trailing `/`), its other
/// files beneath it.
pub const PATH: &str = "/ddbmock/console";

/// One embedded file.
struct Asset {
    /// The path beneath [`PATH`].
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
// Browsers run a module script only when it is served with a JavaScript MIME type.
const JS: &str = "text/javascript; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// Each file of `console/`, with its content type.
macro_rules! assets {
    ($($name:literal => $content_type:expr),* $(,)?) => {
        &[$(Asset {
            name: $name,
            content_type: $content_type,
            body: include_bytes!(concat!("../console/", $name)),
        }),*]
    };
}

const ASSETS: &[Asset] = assets![
    "index.html" => HTML,
    "console.css" => CSS,
    "icon.svg" => SVG,
    "js/main.js" => JS,
    "js/api.js" => JS,
    "js/sigv4.js" => JS,
    "js/json.js" => JS,
    "js/ui.js" => JS,
    "js/tables.js" => JS,
    "js/create_table.js" => JS,
    "js/index_fields.js" => JS,
    "js/confirm.js" => JS,
    "js/items.js" => JS,
    "js/editor.js" => JS,
    "js/capacity.js" => JS,
    "js/chart.js" => JS,
    "js/streams.js" => JS,
];

/// The page may load only its own files and talk only to its own server: no inline script, no
/// other origin, not framed by another site.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Whether `path` is the console's (its page or a file beneath it).
pub(crate) fn owns(path: &str) -> bool {
    path.strip_prefix(PATH)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The file at `path` (one [`owns`]), or DynamoDB's 404 for a name the console does not have.
pub(crate) fn serve(path: &str) -> Response<Body> {
    let name = match path.strip_prefix(PATH).unwrap_or("") {
        "" | "/" => "index.html",
        rest => rest.strip_prefix('/').unwrap_or(rest),
    };
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return reply::not_found();
    };
    let mut response = reply::raw(StatusCode::OK, asset.body);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    // Fetched again on each load, so that a newer server's console replaces an older one's at once.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        "content-security-policy",
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    response
}

#[cfg(test)]
mod tests {
    use super::{ASSETS, owns};

    #[test]
    fn the_console_owns_its_path_and_what_is_beneath_it() {
        assert!(owns("/ddbmock/console"));
        assert!(owns("/ddbmock/console/"));
        assert!(owns("/ddbmock/console/js/main.js"));
        assert!(!owns("/ddbmock/consoles"));
        assert!(!owns("/ddbmock/capacity"));
    }

    #[test]
    fn every_module_the_page_imports_is_embedded() {
        // A module imported but not listed would be a 404 in the browser only.
        for asset in ASSETS.iter().filter(|a| a.name.ends_with(".js")) {
            let text = std::str::from_utf8(asset.body).expect("UTF-8");
            for line in text.lines() {
                let Some((_, from)) = line.split_once(" from \"./") else {
                    continue;
                };
                let module = from.split('"').next().unwrap_or_default();
                let wanted = format!("js/{module}");
                assert!(
                    ASSETS.iter().any(|a| a.name == wanted),
                    "{} imports {wanted}, which is not embedded",
                    asset.name
                );
            }
        }
    }
}
