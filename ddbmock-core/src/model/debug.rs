//! `Debug` for [`AttributeValue`]: the derived form, but readable for large values.
//!
//! A failing property test prints its input with `{:#?}`; derived, a 400 KB binary printed one byte
//! per line (410,397 lines for one item). Here strings and binaries longer than [`SHOWN`] bytes show
//! their first [`SHOWN`] bytes and their length, binaries always print on one line, and sets, lists
//! and maps longer than [`SHOWN`] members show their first [`SHOWN`] and their count. Everything
//! else prints as derived (`S("a")`, `M({"k": N("1")})`), in `{:?}` and `{:#?}` alike.

use std::collections::HashMap;
use std::fmt;

use super::AttributeValue;

/// How many bytes of a string or binary, and how many members of a collection, are shown.
const SHOWN: usize = 32;

impl fmt::Debug for AttributeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttributeValue::S(s) => f.debug_tuple("S").field(&Text(s)).finish(),
            AttributeValue::N(n) => f.debug_tuple("N").field(&Text(n)).finish(),
            AttributeValue::B(b) => f.debug_tuple("B").field(&Bytes(b)).finish(),
            AttributeValue::Ss(s) => f
                .debug_tuple("Ss")
                .field(&Members(s.iter().map(|s| Text(s))))
                .finish(),
            AttributeValue::Ns(s) => f
                .debug_tuple("Ns")
                .field(&Members(s.iter().map(|s| Text(s))))
                .finish(),
            AttributeValue::Bs(s) => f
                .debug_tuple("Bs")
                .field(&Members(s.iter().map(|b| Bytes(b))))
                .finish(),
            AttributeValue::L(l) => f.debug_tuple("L").field(&Members(l.iter())).finish(),
            AttributeValue::M(m) => f.debug_tuple("M").field(&Entries(m)).finish(),
            AttributeValue::Null(b) => f.debug_tuple("Null").field(b).finish(),
            AttributeValue::Bool(b) => f.debug_tuple("Bool").field(b).finish(),
        }
    }
}

/// A string, quoted and escaped as `str`'s `Debug`, cut to its first [`SHOWN`] bytes (at a character
/// boundary) followed by its length when longer.
struct Text<'a>(&'a str);

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.len() <= SHOWN {
            return fmt::Debug::fmt(self.0, f);
        }
        let mut end = SHOWN;
        while !self.0.is_char_boundary(end) {
            end -= 1;
        }
        write!(f, "{:?}… ({} bytes)", &self.0[..end], self.0.len())
    }
}

/// A binary on one line, `[1, 2, 3]`, cut to its first [`SHOWN`] bytes followed by its length when
/// longer.
struct Bytes<'a>(&'a [u8]);

impl fmt::Debug for Bytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{:?}` of the slice, whatever the caller's flags: `{:#?}` would put each byte on a line.
        write!(f, "{:?}", &self.0[..self.0.len().min(SHOWN)])?;
        if self.0.len() > SHOWN {
            write!(f, "… ({} bytes)", self.0.len())?;
        }
        Ok(())
    }
}

/// A set's or list's members, the first [`SHOWN`] of them followed by their count when more.
struct Members<I>(I);

impl<I, T> fmt::Debug for Members<I>
where
    I: Iterator<Item = T> + ExactSizeIterator + Clone,
    T: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = self.0.len();
        let mut list = f.debug_list();
        list.entries(self.0.clone().take(SHOWN));
        if len > SHOWN {
            list.entry(&More(len, "members"));
        }
        list.finish()
    }
}

/// The mark in place of the members not shown: `… (1000 members)`.
struct More(usize, &'static str);

impl fmt::Debug for More {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "… ({} {})", self.0, self.1)
    }
}

/// The value half of a map's [`More`] entry: `…`.
struct Omitted;

impl fmt::Debug for Omitted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("…")
    }
}

/// A map's entries, the first [`SHOWN`] of them followed by their count when more.
struct Entries<'a>(&'a HashMap<String, AttributeValue>);

impl fmt::Debug for Entries<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        map.entries(self.0.iter().take(SHOWN).map(|(k, v)| (Text(k), v)));
        if self.0.len() > SHOWN {
            map.entry(&More(self.0.len(), "entries"), &Omitted);
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values_print_as_derived() {
        let v = AttributeValue::L(vec![
            AttributeValue::S("a\"b".into()),
            AttributeValue::N("1.5".into()),
            AttributeValue::B(vec![1, 2]),
            AttributeValue::Ss(vec!["x".into()]),
            AttributeValue::Null(true),
            AttributeValue::Bool(false),
            AttributeValue::M(HashMap::from([(
                "k".to_owned(),
                AttributeValue::Bs(vec![vec![7]]),
            )])),
        ]);
        assert_eq!(
            format!("{v:?}"),
            r#"L([S("a\"b"), N("1.5"), B([1, 2]), Ss(["x"]), Null(true), Bool(false), M({"k": Bs([[7]])})])"#
        );
    }

    #[test]
    fn a_long_string_shows_its_start_and_length() {
        let v = AttributeValue::S("x".repeat(410_000));
        assert_eq!(
            format!("{v:?}"),
            format!("S({:?}… (410000 bytes))", "x".repeat(32))
        );
    }

    #[test]
    fn a_string_is_cut_at_a_character_boundary() {
        // 31 ASCII bytes then a 3-byte character across byte 32: the character is left out.
        let s = format!("{}€€", "a".repeat(31));
        let v = AttributeValue::S(s);
        assert_eq!(
            format!("{v:?}"),
            format!("S({:?}… (37 bytes))", "a".repeat(31))
        );
    }

    #[test]
    fn a_large_binary_is_one_short_line_even_pretty() {
        let v = AttributeValue::B(vec![9; 410_000]);
        let shown = format!("{:?}", vec![9u8; 32]);
        let expected = format!("B(\n    {shown}… (410000 bytes),\n)");
        assert_eq!(format!("{v:#?}"), expected);
        assert_eq!(format!("{v:?}"), format!("B({shown}… (410000 bytes))"));
    }

    #[test]
    fn a_small_binary_is_one_line_when_pretty() {
        let v = AttributeValue::B(vec![1, 2, 3]);
        assert_eq!(format!("{v:#?}"), "B(\n    [1, 2, 3],\n)");
    }

    #[test]
    fn long_collections_show_their_first_members_and_count() {
        let set = AttributeValue::Ns((0..1000).map(|n| n.to_string()).collect());
        let shown: Vec<String> = (0..32).map(|n| format!("{:?}", n.to_string())).collect();
        assert_eq!(
            format!("{set:?}"),
            format!("Ns([{}, … (1000 members)])", shown.join(", "))
        );
        let list = AttributeValue::L(vec![AttributeValue::Null(true); 40]);
        assert!(format!("{list:?}").ends_with("Null(true), … (40 members)])"));
        let map = AttributeValue::M(
            (0..40)
                .map(|n| (n.to_string(), AttributeValue::Bool(true)))
                .collect(),
        );
        let printed = format!("{map:?}");
        assert!(printed.ends_with(", … (40 entries): …})"), "{printed}");
        assert_eq!(printed.matches("Bool(true)").count(), 32);
    }

    #[test]
    fn an_item_of_400_kb_prints_in_a_few_lines() {
        let item = HashMap::from([
            ("pk".to_owned(), AttributeValue::S("k".into())),
            ("pad".to_owned(), AttributeValue::B(vec![0; 409_000])),
            ("set".to_owned(), AttributeValue::Bs(vec![vec![1; 100]; 3])),
        ]);
        let printed = format!("{item:#?}");
        assert!(printed.lines().count() < 20, "{printed}");
        assert!(printed.contains("… (409000 bytes)"));
        assert!(printed.contains("… (100 bytes)"));
    }
}
