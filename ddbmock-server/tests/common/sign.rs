//! SigV4 signing for tests, written from the specification apart from the server's verifier, so that a
//! request signed here and accepted there shows that both agree with AWS, not merely with each other.

use std::time::{SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

/// Keys and scope to sign with.
pub struct Signer {
    pub key: &'static str,
    pub secret: &'static str,
    pub region: &'static str,
    pub service: &'static str,
}

/// The test key the signing servers accept.
pub const SIGNER: Signer = Signer {
    key: "AKIDEXAMPLE",
    secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    region: "us-east-1",
    service: "dynamodb",
};

/// `time` as SigV4's `YYYYMMDDTHHMMSSZ`.
pub fn amz_date(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let (y, m, d) = ddbmock_core::time::civil_from_days((secs / 86_400) as i64);
    let rest = secs % 86_400;
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

impl Signer {
    /// The headers (besides Host and Content-Length) of a `POST /` of `target` with `body`, signed now
    /// for `host`. `extra` headers are sent and signed too.
    pub fn post(
        &self,
        host: &str,
        target: &str,
        body: &[u8],
        extra: &[(&str, &str)],
    ) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = vec![
            (
                "content-type".into(),
                "application/x-amz-json-1.0".to_owned(),
            ),
            ("host".into(), host.to_owned()),
            ("x-amz-date".into(), amz_date(SystemTime::now())),
            ("x-amz-target".into(), target.to_owned()),
        ];
        headers.extend(
            extra
                .iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), (*v).to_owned())),
        );
        let auth = self.authorization("POST", "/", &headers, body);
        headers.push(("authorization".into(), auth));
        headers.retain(|(n, _)| n != "host");
        headers
    }

    /// The `Authorization` header for a request with `headers` (all signed, lowercase names) and
    /// `body`.
    pub fn authorization(
        &self,
        method: &str,
        path: &str,
        headers: &[(String, String)],
        body: &[u8],
    ) -> String {
        let mut sorted = headers.to_vec();
        sorted.sort();
        let date = sorted
            .iter()
            .find(|(n, _)| n == "x-amz-date")
            .map(|(_, v)| v.clone())
            .unwrap();
        let signed: Vec<&str> = sorted.iter().map(|(n, _)| n.as_str()).collect();
        let signed = signed.join(";");
        let mut canonical = format!("{method}\n{path}\n\n");
        for (name, value) in &sorted {
            canonical.push_str(&format!("{name}:{}\n", value.trim()));
        }
        canonical.push_str(&format!(
            "\n{signed}\n{}",
            hex::encode(Sha256::digest(body))
        ));
        let scope = format!(
            "{}/{}/{}/aws4_request",
            &date[..8],
            self.region,
            self.service
        );
        let to_sign = format!(
            "AWS4-HMAC-SHA256\n{date}\n{scope}\n{}",
            hex::encode(Sha256::digest(canonical.as_bytes()))
        );
        let key = aws_sigv4::sign::v4::generate_signing_key(
            self.secret,
            SystemTime::now(),
            self.region,
            self.service,
        );
        let signature = aws_sigv4::sign::v4::calculate_signature(key, to_sign.as_bytes());
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed}, Signature={signature}",
            self.key
        )
    }
}
