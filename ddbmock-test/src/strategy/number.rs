//! Numbers across DynamoDB's whole range (magnitudes 1E-130 to below 1E+126) and precision (up to 38
//! significant digits), as canonical text and as the other texts DynamoDB accepts for them.

use proptest::prelude::*;

/// A number as DynamoDB returns it: plain decimal, no exponent, no superfluous zeros.
///
/// Built digit by digit (1 to 38 significant digits, the decimal point anywhere DynamoDB's range
/// allows), with zero and the extremes of the range weighted in.
pub fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just("0".to_owned()),
        1 => prop_oneof![
            Just(format!("{}{}", "9".repeat(38), "0".repeat(88))),
            Just(format!("-{}{}", "9".repeat(38), "0".repeat(88))),
            Just(format!("0.{}1", "0".repeat(129))),
            Just(format!("-0.{}1", "0".repeat(129))),
        ],
        8 => (any::<bool>(), digits(), -129i32..=126).prop_map(|(negative, digits, point)| {
            canonical(negative, &digits, point)
        }),
    ]
}

/// A number written as any text DynamoDB accepts, paired with its canonical text: leading `+`,
/// leading and trailing zeros, and exponent notation.
pub fn number_text() -> impl Strategy<Value = (String, String)> {
    (
        any::<bool>(),
        digits(),
        -129i32..=126,
        0usize..3,
        0usize..3,
        any::<bool>(),
    )
        .prop_map(|(negative, digits, point, lead, trail, exponent)| {
            let text = if exponent {
                // 0.d1d2… × 10^point  =  d1.d2… × 10^(point - 1)
                let (first, rest) = digits.split_at(1);
                let sign = if negative { "-" } else { "+" };
                format!(
                    "{sign}{}{first}.{rest}{}E{}",
                    "0".repeat(lead),
                    "0".repeat(trail),
                    point - 1
                )
            } else {
                let plain = canonical(negative, &digits, point);
                if plain.contains('.') {
                    format!("{plain}{}", "0".repeat(trail))
                } else {
                    plain
                }
            };
            (text, canonical(negative, &digits, point))
        })
}

/// 1 to 38 significant digits, the first and last non-zero (so the text is canonical).
fn digits() -> impl Strategy<Value = String> {
    (1usize..=38).prop_flat_map(|len| {
        proptest::collection::vec(0u8..10, len).prop_map(|mut d| {
            if let Some(first) = d.first_mut() {
                *first = (*first % 9) + 1;
            }
            if let Some(last) = d.last_mut()
                && *last == 0
            {
                *last = 1;
            }
            d.iter().map(|d| char::from(b'0' + d)).collect()
        })
    })
}

/// The plain-decimal text of ±0.`digits` × 10^`point`.
fn canonical(negative: bool, digits: &str, point: i32) -> String {
    let len = digits.len() as i32;
    let mut text = String::from(if negative { "-" } else { "" });
    if point <= 0 {
        text.push_str("0.");
        text.push_str(&"0".repeat((-point) as usize));
        text.push_str(digits);
    } else if point >= len {
        text.push_str(digits);
        text.push_str(&"0".repeat((point - len) as usize));
    } else {
        let (int, frac) = digits.split_at(point as usize);
        text.push_str(int);
        text.push('.');
        text.push_str(frac);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_places_the_point() {
        assert_eq!(canonical(false, "15", 1), "1.5");
        assert_eq!(canonical(true, "15", 0), "-0.15");
        assert_eq!(canonical(false, "15", -2), "0.0015");
        assert_eq!(canonical(false, "15", 4), "1500");
    }
}
