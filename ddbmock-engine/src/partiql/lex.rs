//! The lexer: statement text to tokens, each carrying its byte span in the source.
//!
//! Every character ends up in some token (an unknown one in [`Tok::Unknown`]), so the parser sees
//! the whole input and lexing never fails, except for a string or quoted identifier left open,
//! which [`Tok::Unterminated`] reports. Linear in the input.

/// What a token is. Words are kept as identifiers; the parser matches keywords case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// `[A-Za-z_][A-Za-z0-9_$]*`: an attribute or table name, a function name or a keyword.
    Ident,
    /// `"…"`, `""` standing for one `"`: a table or attribute name, kept as written.
    Quoted,
    /// `'…'`, `''` standing for one `'`: a string.
    Str,
    /// `123`, `1.5`, `.5`, `1e-3`: a number.
    Number,
    /// `?`: a parameter.
    Param,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `<<`: opens a set.
    LBag,
    /// `>>`: closes a set.
    RBag,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `:`
    Colon,
    /// `;`
    Semi,
    /// `*`
    Star,
    /// `=`
    Eq,
    /// `<>` or `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// A string or quoted name without its closing quote (it runs to the end).
    Unterminated,
    /// Any other character, one per token.
    Unknown,
    /// The end of the input.
    Eof,
}

/// One token and its byte span `start..end` in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) tok: Tok,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The end of the quoted run opening at `i` with `quote`, a doubled quote standing for one; `None`
/// when the input ends first.
fn quoted_end(bytes: &[u8], i: usize, quote: u8) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        if bytes[j] == quote {
            if bytes.get(j + 1) == Some(&quote) {
                j += 2;
                continue;
            }
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

fn digits(bytes: &[u8], mut j: usize) -> usize {
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// The end of the number starting at `i`: digits, a fraction, an exponent.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut j = digits(bytes, i);
    if bytes.get(j) == Some(&b'.') {
        j = digits(bytes, j + 1);
    }
    if matches!(bytes.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(bytes.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        if bytes.get(k).is_some_and(u8::is_ascii_digit) {
            j = digits(bytes, k);
        }
    }
    j
}

/// Splits `src` into tokens, ending with one [`Tok::Eof`].
pub(crate) fn lex(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 3 + 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        let (tok, end) = match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => {
                let mut j = i + 1;
                while j < bytes.len() && is_word(bytes[j]) {
                    j += 1;
                }
                (Tok::Ident, j)
            }
            b'0'..=b'9' => (Tok::Number, number_end(bytes, i)),
            b'.' if next.is_some_and(|c| c.is_ascii_digit()) => (Tok::Number, number_end(bytes, i)),
            b'"' | b'\'' => match quoted_end(bytes, i, b) {
                Some(j) if b == b'"' => (Tok::Quoted, j),
                Some(j) => (Tok::Str, j),
                None => (Tok::Unterminated, bytes.len()),
            },
            b'?' => (Tok::Param, i + 1),
            b'(' => (Tok::LParen, i + 1),
            b')' => (Tok::RParen, i + 1),
            b'[' => (Tok::LBracket, i + 1),
            b']' => (Tok::RBracket, i + 1),
            b'{' => (Tok::LBrace, i + 1),
            b'}' => (Tok::RBrace, i + 1),
            b',' => (Tok::Comma, i + 1),
            b'.' => (Tok::Dot, i + 1),
            b':' => (Tok::Colon, i + 1),
            b';' => (Tok::Semi, i + 1),
            b'*' => (Tok::Star, i + 1),
            b'=' => (Tok::Eq, i + 1),
            b'+' => (Tok::Plus, i + 1),
            b'-' => (Tok::Minus, i + 1),
            b'!' if next == Some(b'=') => (Tok::Ne, i + 2),
            b'<' => match next {
                Some(b'<') => (Tok::LBag, i + 2),
                Some(b'>') => (Tok::Ne, i + 2),
                Some(b'=') => (Tok::Le, i + 2),
                _ => (Tok::Lt, i + 1),
            },
            b'>' => match next {
                Some(b'>') => (Tok::RBag, i + 2),
                Some(b'=') => (Tok::Ge, i + 2),
                _ => (Tok::Gt, i + 1),
            },
            _ => {
                // One whole UTF-8 character, never half of one.
                let len = src[i..].chars().next().map_or(1, char::len_utf8);
                (Tok::Unknown, i + len)
            }
        };
        out.push(Token { tok, start: i, end });
        i = end;
    }
    out.push(Token {
        tok: Tok::Eof,
        start: bytes.len(),
        end: bytes.len(),
    });
    out
}

/// The text of a `'…'` or `"…"` token without its quotes, doubled quotes undoubled.
pub(crate) fn unquote(text: &str) -> String {
    let quote = &text[..1];
    let inner = &text[1..text.len() - 1];
    inner.replace(&quote.repeat(2), quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        lex(src).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn splits_every_kind() {
        use Tok::*;
        assert_eq!(
            kinds(r#"SELECT "a""b".c[0], 'it''s' ? {}<<>>:;*=<><=>=!=<>+-1.5e3 .5 é"#),
            vec![
                Ident, Quoted, Dot, Ident, LBracket, Number, RBracket, Comma, Str, Param, LBrace,
                RBrace, LBag, RBag, Colon, Semi, Star, Eq, Ne, Le, Ge, Ne, Ne, Plus, Minus, Number,
                Number, Unknown, Eof
            ]
        );
    }

    #[test]
    fn spans_and_unquoting() {
        let src = r#"x 'it''s' "a""b""#;
        let t = lex(src);
        assert_eq!((t[1].start, t[1].end), (2, 9));
        assert_eq!(unquote(&src[t[1].start..t[1].end]), "it's");
        assert_eq!(unquote(&src[t[2].start..t[2].end]), r#"a"b"#);
    }

    #[test]
    fn an_open_quote_runs_to_the_end() {
        assert_eq!(
            kinds("a = 'x"),
            vec![Tok::Ident, Tok::Eq, Tok::Unterminated, Tok::Eof]
        );
        assert_eq!(kinds("\"x''"), vec![Tok::Unterminated, Tok::Eof]);
    }

    #[test]
    fn numbers_take_fraction_and_exponent_only_when_complete() {
        use Tok::*;
        assert_eq!(kinds("1e"), vec![Number, Ident, Eof]);
        assert_eq!(kinds("1.e+5"), vec![Number, Eof]);
        assert_eq!(kinds("a.b"), vec![Ident, Dot, Ident, Eof]);
    }
}
