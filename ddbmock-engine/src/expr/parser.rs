//! The parser's shared machinery: the token cursor, keyword matching, the nesting bound and
//! DynamoDB's syntax error (`token: "…", near: "…"`).
//!
//! Every construct's parser (`parse_*.rs`) is a method on [`Parser`]. Recursion goes only through
//! [`Parser::enter`], which bounds the depth, so no input can overflow the stack; every loop consumes a
//! token, so parsing is linear in the input.

use super::lex::{Tok, Token, lex};
use ddbmock_core::Result;
use ddbmock_core::error::{Error, msg};

/// DynamoDB's limit on an expression's length, in bytes.
pub(crate) use ddbmock_core::limits::MAX_EXPRESSION_BYTES;

/// How deep parentheses, `NOT`s and function calls may nest. DynamoDB's own bound is not documented
/// (its limits are 4 KB of text and 300 operators); 100 levels is far beyond any real expression and
/// keeps the recursion within a 2 MB thread stack even in debug builds.
pub(crate) const MAX_NESTING: usize = 100;

/// A token cursor over one expression.
pub(crate) struct Parser<'s> {
    pub(crate) src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    pub(crate) param: &'static str,
}

impl<'s> Parser<'s> {
    /// Checks the expression's emptiness and length, then lexes it. `size_in_message` says whether
    /// DynamoDB quotes the size in this parameter's too-long message.
    pub(crate) fn new(src: &'s str, param: &'static str, size_in_message: bool) -> Result<Self> {
        if src.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
            return Err(msg::expr::empty(param));
        }
        if src.len() > MAX_EXPRESSION_BYTES {
            return Err(msg::expr::too_long(param, src.len(), size_in_message));
        }
        Ok(Parser {
            src,
            toks: lex(src),
            pos: 0,
            depth: 0,
            param,
        })
    }

    /// The current token.
    pub(crate) fn peek(&self) -> Token {
        self.peek_at(0)
    }

    /// The token `n` ahead of the current one (the end, past the end).
    pub(crate) fn peek_at(&self, n: usize) -> Token {
        let last = self.toks.len() - 1;
        self.toks[(self.pos + n).min(last)]
    }

    /// Whether the current token is `tok`.
    pub(crate) fn at(&self, tok: Tok) -> bool {
        self.peek().tok == tok
    }

    /// Moves past the current token and returns it (never past the end).
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.peek();
        if t.tok != Tok::Eof {
            self.pos += 1;
        }
        t
    }

    /// A token's source text.
    pub(crate) fn text(&self, t: Token) -> &'s str {
        &self.src[t.start..t.end]
    }

    /// Whether the current token is the keyword `kw` (any case).
    pub(crate) fn at_kw(&self, kw: &str) -> bool {
        let t = self.peek();
        t.tok == Tok::Ident && self.text(t).eq_ignore_ascii_case(kw)
    }

    /// Consumes `tok` or fails with a syntax error at the current token.
    pub(crate) fn expect(&mut self, tok: Tok) -> Result<Token> {
        if self.at(tok) {
            Ok(self.bump())
        } else {
            Err(self.error())
        }
    }

    /// Consumes the keyword `kw` or fails with a syntax error at the current token.
    pub(crate) fn expect_kw(&mut self, kw: &str) -> Result<Token> {
        if self.at_kw(kw) {
            Ok(self.bump())
        } else {
            Err(self.error())
        }
    }

    /// Fails unless the whole input was consumed.
    pub(crate) fn expect_end(&self) -> Result<()> {
        if self.at(Tok::Eof) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// Goes one level deeper, or fails when nesting beyond [`MAX_NESTING`].
    pub(crate) fn enter(&mut self) -> Result<()> {
        if self.depth >= MAX_NESTING {
            let (token, near) = self.describe(self.pos);
            return Err(msg::expr::nested_too_deep(self.param, &token, near));
        }
        self.depth += 1;
        Ok(())
    }

    /// Comes back up one level.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// A syntax error at the current token.
    pub(crate) fn error(&self) -> Error {
        let (token, near) = self.describe(self.pos);
        msg::expr::syntax(self.param, &token, near)
    }

    /// The token's text (`<EOF>` at the end) and DynamoDB's `near` text: from the start of the token
    /// before it to the end of the token after it.
    fn describe(&self, idx: usize) -> (String, &'s str) {
        let idx = idx.min(self.toks.len() - 1);
        let t = self.toks[idx];
        let start = if idx > 0 {
            self.toks[idx - 1].start
        } else {
            t.start
        };
        let (token, end) = if t.tok == Tok::Eof {
            ("<EOF>".to_owned(), self.src.len())
        } else {
            let next = self.toks[idx + 1];
            let end = if next.tok == Tok::Eof {
                t.end
            } else {
                next.end
            };
            (self.text(t).to_owned(), end)
        };
        (token, &self.src[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_at(src: &str, pos: usize) -> String {
        let mut p = Parser::new(src, "X", false).unwrap();
        for _ in 0..pos {
            p.bump();
        }
        p.error().message()
    }

    #[test]
    fn near_spans_the_neighbouring_tokens() {
        assert_eq!(
            err_at("a b", 1),
            r#"Invalid X: Syntax error; token: "b", near: "a b""#
        );
        assert_eq!(
            err_at("!!!", 0),
            r#"Invalid X: Syntax error; token: "!", near: "!!""#
        );
        assert_eq!(
            err_at("numx / :v", 1),
            r#"Invalid X: Syntax error; token: "/", near: "numx / :v""#
        );
        assert_eq!(
            err_at("SET a = ", 3),
            r#"Invalid X: Syntax error; token: "<EOF>", near: "= ""#
        );
        assert_eq!(
            err_at("ADD hits : incr", 2),
            r#"Invalid X: Syntax error; token: ":", near: "hits : incr""#
        );
    }

    #[test]
    fn empty_and_long_expressions() {
        let e = |s: &str, sized| Parser::new(s, "X", sized).err().unwrap().message();
        assert_eq!(
            e(" \n", false),
            "Invalid X: The expression can not be empty;"
        );
        let long = "a".repeat(4097);
        assert_eq!(
            e(&long, false),
            "Invalid X: Expression size has exceeded the maximum allowed size;"
        );
        assert_eq!(
            e(&long, true),
            "Invalid X: Expression size has exceeded the maximum allowed size; expression size: 4097"
        );
        assert!(Parser::new(&"a".repeat(4096), "X", true).is_ok());
    }
}
