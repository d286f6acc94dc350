//! The lexer: expression text to tokens, each carrying its byte span in the source.
//!
//! Every character of the input ends up in some token, so a syntax error can always name the
//! offending token and quote its neighbours as DynamoDB does (`token: "…", near: "…"`).

/// What a token is. Words are kept as identifiers; the parser matches keywords case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// `[A-Za-z_][A-Za-z0-9_]*`: an attribute name, a function name or a keyword.
    Ident,
    /// `#[A-Za-z0-9_]+`: an expression attribute name.
    Name,
    /// `:[A-Za-z0-9_]+`: an expression attribute value.
    Value,
    /// `[0-9]+`: a list index.
    Number,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `=`
    Eq,
    /// `<>`
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
    /// Any other character, one per token (a lone `#` or `:` too).
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
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Splits `src` into tokens, ending with one [`Tok::Eof`]. Linear in the input.
pub(crate) fn lex(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 3 + 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
            continue;
        }
        let start = i;
        let word_end = |from: usize| {
            let mut j = from;
            while j < bytes.len() && is_word(bytes[j]) {
                j += 1;
            }
            j
        };
        let (tok, end) = match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'_' => (Tok::Ident, word_end(i + 1)),
            b'0'..=b'9' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                (Tok::Number, j)
            }
            b'#' | b':' => {
                let j = word_end(i + 1);
                if j == i + 1 {
                    (Tok::Unknown, i + 1)
                } else if b == b'#' {
                    (Tok::Name, j)
                } else {
                    (Tok::Value, j)
                }
            }
            b'(' => (Tok::LParen, i + 1),
            b')' => (Tok::RParen, i + 1),
            b'[' => (Tok::LBracket, i + 1),
            b']' => (Tok::RBracket, i + 1),
            b',' => (Tok::Comma, i + 1),
            b'.' => (Tok::Dot, i + 1),
            b'=' => (Tok::Eq, i + 1),
            b'+' => (Tok::Plus, i + 1),
            b'-' => (Tok::Minus, i + 1),
            b'<' => match bytes.get(i + 1) {
                Some(b'>') => (Tok::Ne, i + 2),
                Some(b'=') => (Tok::Le, i + 2),
                _ => (Tok::Lt, i + 1),
            },
            b'>' => match bytes.get(i + 1) {
                Some(b'=') => (Tok::Ge, i + 2),
                _ => (Tok::Gt, i + 1),
            },
            _ => {
                // One whole UTF-8 character, never half of one.
                let len = src[i..].chars().next().map_or(1, char::len_utf8);
                (Tok::Unknown, i + len)
            }
        };
        out.push(Token { tok, start, end });
        i = end;
    }
    out.push(Token {
        tok: Tok::Eof,
        start: bytes.len(),
        end: bytes.len(),
    });
    out
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
            kinds("a.#b[12] <> :c,(<=>=<>)+-é"),
            vec![
                Ident, Dot, Name, LBracket, Number, RBracket, Ne, Value, Comma, LParen, Le, Ge, Ne,
                RParen, Plus, Minus, Unknown, Eof
            ]
        );
    }

    #[test]
    fn lone_sigils_are_unknown_tokens() {
        let t = lex("# :");
        assert_eq!(t[0].tok, Tok::Unknown);
        assert_eq!((t[1].tok, t[1].start, t[1].end), (Tok::Unknown, 2, 3));
    }
}
