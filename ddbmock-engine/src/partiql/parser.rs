//! The parser's shared machinery: the token cursor, keyword matching, the nesting bound and the
//! syntax errors.
//!
//! Each construct's parser (`parse_stmt`, `parse_expr`) is a method on [`Parser`]. Recursion goes
//! only through [`Parser::enter`], which bounds the depth, so no input can overflow the stack; every
//! loop consumes a token, so parsing is linear in the input.

use super::lex::{Tok, Token, lex, unquote};
use ddbmock_core::Result;
use ddbmock_core::error::{Error, msg};

/// How deep parentheses, `NOT`s, calls, nested values and chains of `AND`, `OR`, `+`, `-` may go
/// together. DynamoDB documents no bound for statements (an item nests at most 32 levels; an
/// expression has at most 300 operators); 100 keeps the recursive walks of the tree well within a
/// 2 MB thread stack in debug builds.
pub(crate) const MAX_NESTING: usize = 100;

/// Words that are never a bare name: they start or separate clauses. Any of them can still name an
/// attribute when double-quoted.
const KEYWORDS: &[&str] = &[
    "ALL",
    "AND",
    "BETWEEN",
    "BY",
    "DELETE",
    "FALSE",
    "FROM",
    "IN",
    "INSERT",
    "INTO",
    "IS",
    "MISSING",
    "NOT",
    "NULL",
    "OR",
    "ORDER",
    "REMOVE",
    "RETURNING",
    "SELECT",
    "SET",
    "TRUE",
    "UPDATE",
    "VALUE",
    "VALUES",
    "WHERE",
];

/// A token cursor over one statement.
pub(crate) struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    /// How many `?` the parser has met so far: the next one's index.
    pub(crate) params: usize,
}

impl<'s> Parser<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        Parser {
            src,
            toks: lex(src),
            pos: 0,
            depth: 0,
            params: 0,
        }
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

    /// Consumes the current token if it is `tok`.
    pub(crate) fn eat(&mut self, tok: Tok) -> bool {
        let hit = self.at(tok);
        if hit {
            self.bump();
        }
        hit
    }

    /// A token's source text.
    pub(crate) fn text(&self, t: Token) -> &'s str {
        &self.src[t.start..t.end]
    }

    /// Whether `t` is the keyword `kw` (any case).
    pub(crate) fn is_kw(&self, t: Token, kw: &str) -> bool {
        t.tok == Tok::Ident && self.text(t).eq_ignore_ascii_case(kw)
    }

    /// Whether the current token is the keyword `kw`.
    pub(crate) fn at_kw(&self, kw: &str) -> bool {
        self.is_kw(self.peek(), kw)
    }

    /// Consumes the keyword `kw` if it is the current token.
    pub(crate) fn eat_kw(&mut self, kw: &str) -> bool {
        let hit = self.at_kw(kw);
        if hit {
            self.bump();
        }
        hit
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
    pub(crate) fn expect_kw(&mut self, kw: &str) -> Result<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// A name: a bare identifier that is no keyword, or a double-quoted one.
    pub(crate) fn name(&mut self) -> Result<String> {
        let t = self.peek();
        match t.tok {
            Tok::Ident if !self.is_keyword(t) => {
                self.bump();
                Ok(self.text(t).to_owned())
            }
            Tok::Quoted => {
                self.bump();
                Ok(unquote(self.text(t)))
            }
            _ => Err(self.error()),
        }
    }

    /// Whether `t` is one of [`KEYWORDS`].
    pub(crate) fn is_keyword(&self, t: Token) -> bool {
        t.tok == Tok::Ident && KEYWORDS.iter().any(|k| self.is_kw(t, k))
    }

    /// Fails unless the whole statement was consumed (a final `;` allowed).
    pub(crate) fn expect_end(&mut self) -> Result<()> {
        self.eat(Tok::Semi);
        if self.at(Tok::Eof) {
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// Goes one level deeper, or fails when nesting beyond [`MAX_NESTING`].
    pub(crate) fn enter(&mut self) -> Result<()> {
        if self.depth >= MAX_NESTING {
            return Err(msg::partiql::nested_too_deep());
        }
        self.depth += 1;
        Ok(())
    }

    /// Comes back up one level.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The syntax error at the current token, worded by what the token is.
    pub(crate) fn error(&self) -> Error {
        let t = self.peek();
        match t.tok {
            Tok::Eof => msg::partiql::unexpected_end(),
            Tok::Unterminated => msg::partiql::unterminated_string(),
            _ if self.is_keyword(t) => msg::partiql::unexpected_keyword(),
            _ => msg::partiql::unexpected_token(),
        }
    }
}
