//! `Number`: DynamoDB's exact decimal — up to 38 significant digits, magnitudes from 1E-130 to
//! 9.9999999999999999999999999999999999999E+125, and zero — with its parsing rules, its canonical
//! text, exact comparison and arithmetic, an order-preserving byte encoding and its billed size.
//!
//! DynamoDB's number is, to the digit, Oracle's `NUMBER`: the same 38-digit precision and the same
//! range. The billed size (see [`Number::size_bytes`]) follows from that base-100 layout.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::error::msg;

/// The most significant digits a number may hold.
pub use crate::limits::MAX_NUMBER_DIGITS as MAX_DIGITS;
/// The largest decimal exponent of a number's leading digit (9.99…E+125).
const MAX_ADJUSTED: i128 = crate::limits::MAX_NUMBER_EXPONENT as i128;
/// The smallest decimal exponent of a number's leading digit (1E-130).
const MIN_ADJUSTED: i128 = crate::limits::MIN_NUMBER_EXPONENT as i128;

/// Powers of ten that fit in a `u128`, up to 10^38.
const POW10: [u128; 39] = {
    let mut table = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};
/// 10^38: one limb of the two-limb integers that exact addition works in.
const LIMB: u128 = POW10[38];

/// Why a text or a result is not a DynamoDB number. Converts into DynamoDB's `ValidationException`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// The text is not a number (it is carried because DynamoDB echoes it).
    NotANumber(String),
    /// More than 38 significant digits.
    TooManyDigits,
    /// Magnitude of 1E+126 or more.
    Overflow,
    /// Non-zero magnitude below 1E-130.
    Underflow,
    /// Not a number but the invalid form of an attribute value
    /// ([`AttributeValue::invalid`](crate::model::AttributeValue::invalid)): no data type, or several.
    InvalidShape(crate::model::InvalidShape),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::Error::from(self.clone()).message())
    }
}

impl std::error::Error for NumberError {}

impl From<NumberError> for crate::Error {
    fn from(e: NumberError) -> Self {
        match e {
            NumberError::NotANumber(text) => msg::number::not_a_number(&text),
            NumberError::TooManyDigits => msg::number::too_many_digits(),
            NumberError::Overflow => msg::number::overflow(),
            NumberError::Underflow => msg::number::underflow(),
            NumberError::InvalidShape(shape) => msg::validation(shape.message()),
        }
    }
}

/// An exact DynamoDB number.
///
/// Held as `±mantissa × 10^exponent` with the mantissa's trailing zeros moved into the exponent and
/// zero always `+0 × 10^0`. That canonical form makes the derived `Eq` and `Hash` numeric (`1.0 ==
/// 1`), and 38 digits fit a `u128` (10^38 − 1 < 2^127), where `f64` (17) and `rust_decimal` (28)
/// fall short.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    negative: bool,
    /// Below 10^38, no trailing decimal zero; 0 only for zero.
    mantissa: u128,
    /// Between -167 (a 38-digit number led at 1E-130) and 125.
    exponent: i16,
}

/// The number of decimal digits of a non-zero `u128`.
fn digit_count(m: u128) -> u32 {
    m.checked_ilog10().map_or(1, |l| l + 1)
}

fn check_range(adjusted: i128) -> Result<(), NumberError> {
    if adjusted > MAX_ADJUSTED {
        Err(NumberError::Overflow)
    } else if adjusted < MIN_ADJUSTED {
        Err(NumberError::Underflow)
    } else {
        Ok(())
    }
}

impl Number {
    /// Zero.
    pub const fn zero() -> Number {
        Number {
            negative: false,
            mantissa: 0,
            exponent: 0,
        }
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// Whether this is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Parses a number as DynamoDB accepts it: an optional sign (`+` or `-`), digits with an optional
    /// decimal point (`1.`, `.5`), and an optional exponent (`e`/`E`, optionally signed).
    ///
    /// Whitespace anywhere is refused, as DynamoDB refuses it. Leading and trailing zeros are not
    /// significant; the range is checked before the digit count, as DynamoDB reports `1e126` with 39
    /// digits as an overflow. An exponent beyond 64 bits cannot be converted; inside 64 bits it is read
    /// in full, so `1e99999999999` overflows rather than wrapping. Zero is range-checked by the
    /// exponent it is written with (`0e126` overflows), as DynamoDB does.
    pub fn parse(text: &str) -> Result<Number, NumberError> {
        if let Some(shape) = crate::model::InvalidShape::of_number_text(text) {
            return Err(NumberError::InvalidShape(shape));
        }
        let not_a_number = || NumberError::NotANumber(text.to_owned());
        let b = text.as_bytes();
        let mut i = 0;
        let negative = match b.first() {
            Some(b'-') => {
                i = 1;
                true
            }
            Some(b'+') => {
                i = 1;
                false
            }
            _ => false,
        };
        let int_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let int_digits = &b[int_start..i];
        let mut frac_digits: &[u8] = &[];
        if b.get(i) == Some(&b'.') {
            i += 1;
            let frac_start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            frac_digits = &b[frac_start..i];
        }
        if int_digits.is_empty() && frac_digits.is_empty() {
            return Err(not_a_number());
        }
        let mut exp: i64 = 0;
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            let exp_negative = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let exp_start = i;
            while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
                let d = i64::from(d - b'0');
                // Accumulated on the exponent's own side so that i64::MIN still fits.
                exp = exp
                    .checked_mul(10)
                    .and_then(|e| {
                        if exp_negative {
                            e.checked_sub(d)
                        } else {
                            e.checked_add(d)
                        }
                    })
                    .ok_or_else(not_a_number)?;
                i += 1;
            }
            if i == exp_start {
                return Err(not_a_number());
            }
        }
        if i != b.len() {
            return Err(not_a_number());
        }

        let digits = || int_digits.iter().chain(frac_digits).copied();
        let int_len = int_digits.len() as i128;
        let frac_len = frac_digits.len() as i128;
        let exp = i128::from(exp);
        let Some(first) = digits().position(|d| d != b'0') else {
            // Zero: range-checked by its written exponent, as BigDecimal's precision - scale.
            check_range(exp - frac_len)?;
            return Ok(Number::zero());
        };
        let total = int_digits.len() + frac_digits.len();
        let last = total - 1 - digits().rev().position(|d| d != b'0').unwrap_or(0);
        let adjusted = int_len - 1 - first as i128 + exp;
        let lowest = int_len - 1 - last as i128 + exp;
        check_range(adjusted)?;
        if last - first >= MAX_DIGITS as usize {
            return Err(NumberError::TooManyDigits);
        }
        let mantissa = digits()
            .skip(first)
            .take(last - first + 1)
            .fold(0u128, |m, d| m * 10 + u128::from(d - b'0'));
        let exponent = i16::try_from(lowest).map_err(|_| NumberError::Underflow)?;
        Ok(Number {
            negative,
            mantissa,
            exponent,
        })
    }

    /// The decimal exponent of the leading digit (`adjusted` in BigDecimal's terms).
    fn adjusted(&self) -> i32 {
        i32::from(self.exponent) + digit_count(self.mantissa) as i32 - 1
    }

    /// The mantissa scaled to exactly 38 digits, so magnitudes with equal `adjusted` compare as
    /// integers.
    fn scaled_mantissa(&self) -> u128 {
        self.mantissa * POW10[(MAX_DIGITS - digit_count(self.mantissa)) as usize]
    }

    fn cmp_magnitude(&self, other: &Number) -> Ordering {
        self.adjusted()
            .cmp(&other.adjusted())
            .then_with(|| self.scaled_mantissa().cmp(&other.scaled_mantissa()))
    }

    /// `self + other`, exactly, or DynamoDB's error when the sum is out of range or needs more than
    /// 38 significant digits (DynamoDB refuses rather than rounds).
    pub fn checked_add(&self, other: &Number) -> Result<Number, NumberError> {
        if self.is_zero() {
            return Ok(*other);
        }
        if other.is_zero() {
            return Ok(*self);
        }
        let (big, small) = if self.exponent >= other.exponent {
            (self, other)
        } else {
            (other, self)
        };
        let shift = (i32::from(big.exponent) - i32::from(small.exponent)) as u32;
        if shift > MAX_DIGITS {
            // `small` then lies wholly below `big`'s lowest digit and is under a tenth of it: the
            // sum keeps `small`'s last digit (non-zero) and reaches within one place of `big`'s top
            // digit, so it has more than 38 digits, and stays within range on both sides.
            return Err(NumberError::TooManyDigits);
        }
        // Two limbs of base 10^38: `big.mantissa × 10^shift` needs up to 76 digits.
        let a = if shift == MAX_DIGITS {
            (big.mantissa, 0)
        } else {
            let split = POW10[(MAX_DIGITS - shift) as usize];
            (
                big.mantissa / split,
                (big.mantissa % split) * POW10[shift as usize],
            )
        };
        let b = (0u128, small.mantissa);
        let (negative, (hi, lo)) = if big.negative == small.negative {
            let lo = a.1 + b.1;
            let (lo, carry) = if lo >= LIMB { (lo - LIMB, 1) } else { (lo, 0) };
            (big.negative, (a.0 + b.0 + carry, lo))
        } else {
            let (larger, smaller, negative) = match a.cmp(&b) {
                Ordering::Equal => return Ok(Number::zero()),
                Ordering::Greater => (a, b, big.negative),
                Ordering::Less => (b, a, small.negative),
            };
            let difference = if larger.1 >= smaller.1 {
                (larger.0 - smaller.0, larger.1 - smaller.1)
            } else {
                (larger.0 - smaller.0 - 1, larger.1 + LIMB - smaller.1)
            };
            (negative, difference)
        };
        Number::from_limbs(negative, hi, lo, i32::from(small.exponent))
    }

    /// `self - other`, exactly, with the errors of [`Number::checked_add`].
    pub fn checked_sub(&self, other: &Number) -> Result<Number, NumberError> {
        self.checked_add(&-*other)
    }

    /// `±(hi × 10^38 + lo) × 10^exponent`, canonical and checked; `hi < 2 × 10^38`, `lo < 10^38`.
    fn from_limbs(
        negative: bool,
        hi: u128,
        lo: u128,
        exponent: i32,
    ) -> Result<Number, NumberError> {
        let (mut mantissa, mut exponent) = match (hi, lo) {
            (0, 0) => return Ok(Number::zero()),
            (0, lo) => (lo, i128::from(exponent)),
            (hi, 0) => (hi, i128::from(exponent) + 38),
            (hi, lo) => {
                let trailing = (0..MAX_DIGITS)
                    .take_while(|&t| lo % POW10[t as usize + 1] == 0)
                    .count() as u32;
                let adjusted = i128::from(exponent) + 38 + i128::from(digit_count(hi)) - 1;
                check_range(adjusted)?;
                let digits = digit_count(hi) + 38 - trailing;
                if digits > MAX_DIGITS {
                    return Err(NumberError::TooManyDigits);
                }
                (
                    hi * POW10[(38 - trailing) as usize] + lo / POW10[trailing as usize],
                    i128::from(exponent) + i128::from(trailing),
                )
            }
        };
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        let digits = digit_count(mantissa);
        check_range(exponent + i128::from(digits) - 1)?;
        if digits > MAX_DIGITS {
            return Err(NumberError::TooManyDigits);
        }
        let exponent = i16::try_from(exponent).map_err(|_| NumberError::Underflow)?;
        Ok(Number {
            negative,
            mantissa,
            exponent,
        })
    }

    /// Appends an encoding whose byte order (memcmp) is this number's numeric order.
    ///
    /// Fixed width and self-delimiting, so it can be followed by more key bytes: zero is `0x80`; any
    /// other number is a sign byte (`0x01` below zero, `0xFE` above), the leading digit's exponent
    /// biased into one byte (the 256 exponents from -130 to 125 fill it exactly), then the mantissa
    /// scaled to 38 digits as a big-endian `u128`. Below zero the last 17 bytes are inverted, so that
    /// larger magnitudes sort first.
    pub fn write_ordered_bytes(&self, out: &mut Vec<u8>) {
        if self.is_zero() {
            out.push(0x80);
            return;
        }
        // `adjusted` is within -130..=125 for every constructed number.
        let biased = (self.adjusted() - MIN_ADJUSTED as i32).clamp(0, 255) as u8;
        let mantissa = self.scaled_mantissa().to_be_bytes();
        if self.negative {
            out.push(0x01);
            out.push(!biased);
            out.extend(mantissa.iter().map(|b| !b));
        } else {
            out.push(0xFE);
            out.push(biased);
            out.extend_from_slice(&mantissa);
        }
    }

    /// The bytes DynamoDB bills for this number in an item's size.
    ///
    /// One byte of exponent, one per base-100 digit (pairs of decimal digits aligned on the decimal
    /// point, from the first non-zero pair to the last), and one more below zero: Oracle `NUMBER`'s
    /// layout. The Developer Guide's "1 byte per two significant digits + 1" is an approximation; this
    /// reproduces all 23 sizes paritysuite measured against DynamoDB to the byte (2026-08), e.g.
    /// `3.14159` → 5 (`03.14|15|90`), `123456` → 4, `100.5` → 4, `0.15` → 2, `-42` → 3, `1E125` → 2.
    pub fn size_bytes(&self) -> usize {
        if self.is_zero() {
            return 1;
        }
        let top_pair = self.adjusted().div_euclid(2);
        let bottom_pair = i32::from(self.exponent).div_euclid(2);
        1 + (top_pair - bottom_pair + 1) as usize + usize::from(self.negative)
    }
}

impl Default for Number {
    fn default() -> Self {
        Number::zero()
    }
}

impl std::ops::Neg for Number {
    type Output = Number;

    fn neg(self) -> Number {
        Number {
            negative: !self.negative && !self.is_zero(),
            ..self
        }
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Number) -> Ordering {
        let class = |n: &Number| match (n.negative, n.is_zero()) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        };
        class(self).cmp(&class(other)).then_with(|| {
            if self.negative {
                other.cmp_magnitude(self)
            } else {
                self.cmp_magnitude(other)
            }
        })
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The longest canonical text: a sign, "0.", 129 zeros and 38 digits (a 38-digit number led at
/// 1E-130); numbers led at 1E125 are 127 characters at most.
const MAX_TEXT: usize = 1 + 2 + 129 + 38;

impl Number {
    /// Whether `text` is this number's canonical text, as DynamoDB returns it: a value that
    /// arrives canonical (most do) need not be written anew.
    pub fn is_written_as(&self, text: &str) -> bool {
        self.render(&mut [0; MAX_TEXT]) == text
    }

    /// The canonical text, in `buf`: no allocation, since every number put is rendered once. The
    /// range every constructor checks keeps it within [`MAX_TEXT`].
    fn render<'b>(&self, buf: &'b mut [u8; MAX_TEXT]) -> &'b str {
        if self.is_zero() {
            return "0";
        }
        let mut digits = [0u8; 39];
        let mut m = self.mantissa;
        let mut start = digits.len();
        while m > 0 {
            start -= 1;
            digits[start] = b'0' + (m % 10) as u8;
            m /= 10;
        }
        let digits = &digits[start..];
        let mut len = 0;
        let mut push = |bytes: &[u8]| {
            buf[len..len + bytes.len()].copy_from_slice(bytes);
            len += bytes.len();
        };
        if self.negative {
            push(b"-");
        }
        let exponent = i32::from(self.exponent);
        let zeros = |n: usize| &[b'0'; MAX_TEXT][..n];
        if exponent >= 0 {
            push(digits);
            push(zeros(exponent as usize));
        } else {
            let point = digits.len() as i32 + exponent;
            if point > 0 {
                let (int, frac) = digits.split_at(point as usize);
                push(int);
                push(b".");
                push(frac);
            } else {
                push(b"0.");
                push(zeros((-point) as usize));
                push(digits);
            }
        }
        // Only ASCII digits, '-' and '.' were written.
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

/// DynamoDB's canonical text: plain decimal, never an exponent, no superfluous zeros, no `+`, and
/// `0` for zero. DynamoDB returns `1E125` as `1` and 125 zeros (paritysuite, eu-west-2, 2026-08), and
/// `1.50` as `1.5`, `-0` as `0`.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.render(&mut [0; MAX_TEXT]))
    }
}

impl FromStr for Number {
    type Err = NumberError;

    fn from_str(s: &str) -> Result<Number, NumberError> {
        Number::parse(s)
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Number {
        let mut mantissa = u128::from(v.unsigned_abs());
        let mut exponent = 0;
        while mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Number {
            negative: v < 0,
            mantissa,
            exponent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::parse(text).unwrap()
    }

    fn message(e: NumberError) -> String {
        crate::Error::from(e).message()
    }

    #[test]
    fn canonical_text() {
        for (input, canonical) in [
            ("1.50", "1.5"),
            ("0010", "10"),
            ("1e3", "1000"),
            ("-0", "0"),
            ("+0", "0"),
            ("+5", "5"),
            ("+1e2", "100"),
            ("1e+2", "100"),
            ("1.5E+3", "1500"),
            ("-7", "-7"),
            ("0042.1200", "42.12"),
            ("00042", "42"),
            ("1.0", "1"),
            ("1.", "1"),
            (".5", "0.5"),
            ("-.5e1", "-5"),
            ("0e125", "0"),
            ("0.000", "0"),
            ("1e-3", "0.001"),
            ("123.456e-1", "12.3456"),
            ("-1e-130", &format!("-0.{}1", "0".repeat(129))),
        ] {
            assert_eq!(n(input).to_string(), canonical, "{input}");
            assert!(n(input).is_written_as(canonical), "{input}");
            assert_eq!(n(input).is_written_as(input), input == canonical, "{input}");
        }
        assert_eq!(n("1E125").to_string(), format!("1{}", "0".repeat(125)));
        // The longest texts, each way.
        let digits = "12345678901234567890123456789012345678";
        let tiny = format!("-0.{}{digits}", "0".repeat(129));
        assert_eq!(n(&format!("-1.{}E-130", &digits[1..])).to_string(), tiny);
        assert_eq!(tiny.len(), MAX_TEXT);
        let huge = format!("-{digits}{}", "0".repeat(88));
        assert_eq!(n(&format!("-1.{}E125", &digits[1..])).to_string(), huge);
        assert!(n(&huge).is_written_as(&huge));
        assert_eq!(format!("[{:>4}]", n("1.50")), "[ 1.5]", "Display pads");
    }

    #[test]
    fn not_a_number_echoes_the_text_unless_empty() {
        for bad in [
            "", " 5", "5 ", "1 ", "abc", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1+2", "+e2",
            "--1", "0x10", "NaN", "Infinity", "1e5.5",
        ] {
            assert_eq!(
                Number::parse(bad),
                Err(NumberError::NotANumber(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert_eq!(
            message(Number::parse("").unwrap_err()),
            "The parameter cannot be converted to a numeric value"
        );
        assert_eq!(
            message(Number::parse("b").unwrap_err()),
            "The parameter cannot be converted to a numeric value: b"
        );
    }

    #[test]
    fn exponents_beyond_64_bits_cannot_be_converted_but_inside_are_read_in_full() {
        assert_eq!(
            Number::parse("1e9223372036854775808"),
            Err(NumberError::NotANumber("1e9223372036854775808".into()))
        );
        assert_eq!(Number::parse("1e99999999999"), Err(NumberError::Overflow));
        assert_eq!(Number::parse("1e2147483648"), Err(NumberError::Overflow));
        assert_eq!(Number::parse("1e-99999999999"), Err(NumberError::Underflow));
        assert_eq!(
            Number::parse("1e9223372036854775807"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            Number::parse("1e-9223372036854775808"),
            Err(NumberError::Underflow)
        );
    }

    #[test]
    fn range_and_digit_limits_with_dynamodb_messages() {
        let too_many = "123456789012345678901234567890123456789";
        assert_eq!(Number::parse(too_many), Err(NumberError::TooManyDigits));
        assert_eq!(
            Number::parse("-1.23456789012345678901234567890123456789"),
            Err(NumberError::TooManyDigits)
        );
        assert_eq!(
            message(NumberError::TooManyDigits),
            "Attempting to store more than 38 significant digits in a Number"
        );
        // Trailing and leading zeros are not significant.
        assert!(Number::parse(&format!("000{}{}", &too_many[..38], "0".repeat(60))).is_ok());
        assert!(Number::parse(&format!("1.{}", "0".repeat(80))).is_ok());

        for big in ["1e126", "-1e126", "0e126", "10e125", "1000e123"] {
            assert_eq!(Number::parse(big), Err(NumberError::Overflow), "{big}");
        }
        assert_eq!(
            message(NumberError::Overflow),
            "Number overflow. Attempting to store a number with magnitude larger than supported range"
        );
        for small in ["1e-131", "-1e-131", "0e-131", "0.01e-129"] {
            assert_eq!(Number::parse(small), Err(NumberError::Underflow), "{small}");
        }
        assert_eq!(
            message(NumberError::Underflow),
            "Number underflow. Attempting to store a number with magnitude smaller than supported range"
        );
        // Range before digits, as DynamoDB reports it.
        assert_eq!(
            Number::parse(&format!("{too_many}e200")),
            Err(NumberError::Overflow)
        );
        // The limits themselves.
        assert!(Number::parse("9.9999999999999999999999999999999999999E+125").is_ok());
        assert!(Number::parse("-9.9999999999999999999999999999999999999E+125").is_ok());
        assert!(Number::parse("1e-130").is_ok());
        assert!(Number::parse("0e-130").is_ok());
        assert!(Number::parse("1.2345678901234567890123456789012345678e-130").is_ok());
    }

    #[test]
    fn number_error_converts_to_validation_exception() {
        let e = crate::Error::from(NumberError::Overflow);
        assert_eq!(e.type_name(), "ValidationException");
        assert_eq!(
            NumberError::Underflow.to_string(),
            message(NumberError::Underflow)
        );
    }

    #[test]
    fn comparison_is_numeric() {
        assert_eq!(n("1.0"), n("1"));
        assert_eq!(n("-0"), n("0"));
        assert_eq!(n("100"), n("1e2"));
        let ascending = [
            "-1e125",
            "-100",
            "-12",
            "-1.5",
            "-1",
            "-0.5",
            "-1e-130",
            "0",
            "1e-130",
            "0.001",
            "0.5",
            "1",
            "1.5",
            "2",
            "10",
            "12",
            "100",
            "9.9999999999999999999999999999999999999E+125",
        ];
        for w in ascending.windows(2) {
            assert!(n(w[0]) < n(w[1]), "{} < {}", w[0], w[1]);
        }
    }

    #[test]
    fn hash_agrees_with_eq() {
        use std::collections::HashSet;
        let set: HashSet<Number> = ["1", "1.0", "01", "1e0", "10e-1"]
            .iter()
            .map(|s| n(s))
            .collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn exact_addition_and_subtraction() {
        let add = |a: &str, b: &str| n(a).checked_add(&n(b)).map(|r| r.to_string());
        let sub = |a: &str, b: &str| n(a).checked_sub(&n(b)).map(|r| r.to_string());
        assert_eq!(add("1", "2"), Ok("3".into()));
        assert_eq!(add("0.1", "0.2"), Ok("0.3".into()));
        assert_eq!(add("1.5", "-1.5"), Ok("0".into()));
        assert_eq!(add("-1", "0.25"), Ok("-0.75".into()));
        assert_eq!(sub("1e5", "99999"), Ok("1".into()));
        assert_eq!(sub("0", "5"), Ok("-5".into()));
        assert_eq!(add("5", "0"), Ok("5".into()));
        assert_eq!(
            add("99999999999999999999999999999999999999", "1"),
            Ok("100000000000000000000000000000000000000".into())
        );
        assert_eq!(
            add("99999999999999999999999999999999999999", "2"),
            Err(NumberError::TooManyDigits)
        );
        assert_eq!(add("1e100", "1"), Err(NumberError::TooManyDigits));
        assert_eq!(add("1e37", "1"), Ok(format!("1{}1", "0".repeat(36))));
        assert_eq!(add("1e38", "1"), Err(NumberError::TooManyDigits));
        assert_eq!(add("1e125", "1e-130"), Err(NumberError::TooManyDigits));
        assert_eq!(
            add("9.9999999999999999999999999999999999999E+125", "1e88"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            sub("-9.9999999999999999999999999999999999999E+125", "1e88"),
            Err(NumberError::Overflow)
        );
        assert_eq!(sub("2e-130", "1.5e-130"), Err(NumberError::Underflow));
        assert_eq!(sub("2e-130", "1e-130"), Ok(n("1e-130").to_string()));
    }

    #[test]
    fn sizes_match_what_dynamodb_bills() {
        // paritysuite's 23 literals, each measured to the byte against eu-west-2 (2026-08-18).
        for (literal, bytes) in [
            ("0", 1),
            ("1", 2),
            ("12", 2),
            ("123", 3),
            ("1234", 3),
            ("12345678901234567890123456789012345678", 20),
            ("0042", 2),
            ("100", 2),
            ("1010", 3),
            ("0.0000001", 2),
            ("1E125", 2),
            ("1E-100", 2),
            ("1.5", 3),
            ("15", 2),
            ("1.2", 3),
            ("1.200", 3),
            ("1.234", 4),
            ("3.14159", 5),
            ("123456", 4),
            ("100.5", 4),
            ("0.15", 2),
            ("-42", 3),
            ("-0", 1),
        ] {
            assert_eq!(n(literal).size_bytes(), bytes, "{literal}");
        }
    }

    #[test]
    fn from_i64() {
        assert_eq!(Number::from(-1200), n("-1200"));
        assert_eq!(Number::from(0), Number::zero());
        assert_eq!(Number::from(i64::MIN), n("-9223372036854775808"));
    }

    fn ordered(x: &Number) -> Vec<u8> {
        let mut out = Vec::new();
        x.write_ordered_bytes(&mut out);
        out
    }

    #[test]
    fn ordered_bytes_follow_numeric_order() {
        let ascending = [
            "-9.9999999999999999999999999999999999999E+125",
            "-1e125",
            "-100",
            "-12",
            "-1.5",
            "-1",
            "-1e-130",
            "0",
            "1e-130",
            "1.2345678901234567890123456789012345678e-130",
            "0.5",
            "1",
            "1.5",
            "12",
            "9.9999999999999999999999999999999999999E+125",
        ];
        for w in ascending.windows(2) {
            assert!(ordered(&n(w[0])) < ordered(&n(w[1])), "{} < {}", w[0], w[1]);
        }
        assert_eq!(ordered(&n("1.0")), ordered(&n("1")));
    }

    mod properties {
        use super::*;
        use bigdecimal::BigDecimal;
        use proptest::prelude::*;

        /// Any representable number, spread over the whole range and every digit count.
        fn number() -> impl Strategy<Value = Number> {
            (any::<bool>(), 1u32..=38, any::<u128>(), -130i32..=125).prop_map(
                |(negative, digits, raw, adjusted)| {
                    let mantissa = (raw % POW10[digits as usize]).max(1);
                    let text = format!(
                        "{}{}e{}",
                        if negative { "-" } else { "" },
                        mantissa,
                        adjusted - digit_count(mantissa) as i32 + 1
                    );
                    Number::parse(&text).unwrap()
                },
            )
        }

        /// Numbers near each other, where additions cancel and carry.
        fn close_numbers() -> impl Strategy<Value = (Number, Number)> {
            (any::<i64>(), any::<i64>(), -40i32..=40, -40i32..=40).prop_map(|(a, b, ea, eb)| {
                (
                    Number::parse(&format!("{a}e{ea}")).unwrap(),
                    Number::parse(&format!("{b}e{eb}")).unwrap(),
                )
            })
        }

        /// Numbers of up to 38 digits led within a few places of each other: sums that carry into a
        /// 39th digit, cancel down to a few, or sit at the edges of the range.
        fn neighbours() -> impl Strategy<Value = (Number, Number)> {
            let near = |base: i32| {
                (any::<bool>(), 1u32..=38, any::<u128>(), base - 3..=base + 3).prop_map(
                    |(negative, digits, raw, adjusted)| {
                        let mantissa = (raw % POW10[digits as usize]).max(1);
                        let adjusted = adjusted.clamp(-130, 125);
                        let text = format!(
                            "{}{}e{}",
                            if negative { "-" } else { "" },
                            mantissa,
                            adjusted - digit_count(mantissa) as i32 + 1
                        );
                        Number::parse(&text).unwrap()
                    },
                )
            };
            prop_oneof![Just(-128), Just(0), Just(123)]
                .prop_flat_map(move |base| (near(base), near(base)))
        }

        fn oracle(x: &Number) -> BigDecimal {
            x.to_string().parse().unwrap()
        }

        fn check_sum(a: &Number, b: &Number) -> Result<(), TestCaseError> {
            let exact = oracle(a) + oracle(b);
            match a.checked_add(b) {
                Ok(sum) => prop_assert_eq!(oracle(&sum), exact),
                Err(e) => {
                    // Whatever DynamoDB rejects, the exact text must be rejected for the same reason.
                    let text = exact.normalized().to_string();
                    prop_assert_eq!(Number::parse(&text).err(), Some(e));
                }
            }
            Ok(())
        }

        proptest! {
            #[test]
            fn parse_display_parse_is_identity(x in number()) {
                let text = x.to_string();
                prop_assert_eq!(Number::parse(&text), Ok(x));
                prop_assert!(x.is_written_as(&text));
                prop_assert_eq!(Number::parse(&text).unwrap().to_string(), text);
            }

            #[test]
            fn ord_and_ordered_bytes_agree_with_the_oracle(a in number(), b in number()) {
                prop_assert_eq!(a.cmp(&b), oracle(&a).cmp(&oracle(&b)));
                prop_assert_eq!(ordered(&a).cmp(&ordered(&b)), a.cmp(&b));
            }

            #[test]
            fn checked_add_agrees_with_the_oracle(a in number(), b in number()) {
                check_sum(&a, &b)?;
                check_sum(&a, &-b)?;
            }

            #[test]
            fn checked_add_agrees_with_the_oracle_near_each_other((a, b) in close_numbers()) {
                check_sum(&a, &b)?;
                check_sum(&a, &-b)?;
                prop_assert_eq!(a.checked_sub(&b).ok(), a.checked_add(&-b).ok());
            }

            #[test]
            fn checked_add_agrees_with_the_oracle_for_neighbours((a, b) in neighbours()) {
                check_sum(&a, &b)?;
                check_sum(&a, &-b)?;
            }

            #[test]
            fn parse_never_panics(text in "[-+0-9.eE ]{0,60}") {
                let _ = Number::parse(&text);
            }
        }
    }
}
