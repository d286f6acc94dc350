//! Request ids in DynamoDB's form: 52 characters of `[0-9A-Z]`.
//!
//! They only have to be unique within a run and look like DynamoDB's, so they come from a counter
//! mixed by SplitMix64 (seeded once from the clock and the process id), not from a random source:
//! no syscall and no lock per request.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LENGTH: usize = 52;

static COUNTER: AtomicU64 = AtomicU64::new(0);
static SEED: OnceLock<u64> = OnceLock::new();

/// A new request id.
pub fn request_id() -> String {
    let seed = *SEED.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        nanos ^ (u64::from(std::process::id()) << 32)
    });
    let mut state = seed
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9);
    // Six bits a character through a 64-entry table: no division per character. The table repeats
    // the alphabet, so some characters are a little likelier than others; 52 characters of over
    // five bits each still leave two ids of one run alike with no practical chance. Each 64-bit
    // draw yields ten characters, written into a fixed array (no capacity check per character).
    let mut id = [0u8; LENGTH];
    for chunk in id.chunks_mut(10) {
        let mut bits = splitmix64(&mut state);
        for c in chunk {
            *c = DIGITS[(bits & 63) as usize];
            bits >>= 6;
        }
    }
    // Every byte is from ALPHABET, which is ASCII.
    String::from_utf8(id.to_vec()).unwrap_or_default()
}

/// `ALPHABET` repeated to 64 entries.
const DIGITS: [u8; 64] = {
    let mut digits = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        digits[i] = ALPHABET[i % ALPHABET.len()];
        i += 1;
    }
    digits
};

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_dynamodbs_form_and_differ() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| request_id()).collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            assert_eq!(id.len(), 52);
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
            );
        }
    }
}
