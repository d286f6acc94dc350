//! The statements: `SELECT`, `INSERT`, `UPDATE`, `DELETE`, and their clauses.

use super::ast::{Action, Delete, Insert, Returning, Select, Source, Statement, Update};
use super::lex::Tok;
use super::parser::Parser;
use ddbmock_core::Result;
use ddbmock_core::error::msg;

impl Parser<'_> {
    /// One whole statement, to its end.
    pub(crate) fn statement(&mut self) -> Result<Statement> {
        let stmt = if self.eat_kw("SELECT") {
            Statement::Select(self.select()?)
        } else if self.eat_kw("INSERT") {
            Statement::Insert(self.insert()?)
        } else if self.eat_kw("UPDATE") {
            Statement::Update(self.update()?)
        } else if self.eat_kw("DELETE") {
            Statement::Delete(self.delete()?)
        } else if self.at_kw("EXISTS") && self.peek_at(1).tok == Tok::LParen {
            self.bump();
            self.bump();
            self.expect_kw("SELECT")?;
            let select = self.select()?;
            self.expect(Tok::RParen)?;
            Statement::Exists(select)
        } else {
            return Err(msg::partiql::expected_data_manipulation());
        };
        self.expect_end()?;
        Ok(stmt)
    }

    fn select(&mut self) -> Result<Select> {
        let mut projection = Vec::new();
        let mut star = false;
        loop {
            if self.eat(Tok::Star) {
                star = true;
            } else {
                projection.push(self.path()?);
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        if star && (!projection.is_empty() || self.at(Tok::Star)) {
            return Err(msg::partiql::star_and_other_attributes());
        }
        self.expect_kw("FROM")?;
        let from = self.source()?;
        let filter = self.where_clause()?;
        let order_by = self.order_by()?;
        Ok(Select {
            projection,
            from,
            filter,
            order_by,
        })
    }

    /// `ORDER BY name [ASC | DESC], …`, if present.
    fn order_by(&mut self) -> Result<Vec<(String, bool)>> {
        let mut out = Vec::new();
        if !self.eat_kw("ORDER") {
            return Ok(out);
        }
        self.expect_kw("BY")?;
        loop {
            let name = self.name()?;
            if self.at(Tok::Dot) || self.at(Tok::LBracket) {
                return Err(msg::partiql::order_by_not_a_name());
            }
            let desc = if self.eat_kw("DESC") {
                true
            } else {
                self.eat_kw("ASC");
                false
            };
            out.push((name, desc));
            if !self.eat(Tok::Comma) {
                return Ok(out);
            }
        }
    }

    fn insert(&mut self) -> Result<Insert> {
        self.expect_kw("INTO")?;
        let into = self.source()?;
        self.expect_kw("VALUE")?;
        let item = self.expr()?;
        if self.at_kw("RETURNING") {
            return Err(msg::partiql::returning_on_insert());
        }
        Ok(Insert { into, item })
    }

    fn update(&mut self) -> Result<Update> {
        let table = self.source()?;
        let mut actions = Vec::new();
        loop {
            if self.eat_kw("SET") {
                loop {
                    let path = self.path()?;
                    self.expect(Tok::Eq)?;
                    actions.push(Action::Set(path, self.expr()?));
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
            } else if self.eat_kw("REMOVE") {
                loop {
                    actions.push(Action::Remove(self.path()?));
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
            } else if actions.is_empty() {
                return Err(self.error());
            } else {
                break;
            }
        }
        let filter = self.where_clause()?;
        let returning = self.returning()?;
        Ok(Update {
            table,
            actions,
            filter,
            returning,
        })
    }

    fn delete(&mut self) -> Result<Delete> {
        self.expect_kw("FROM")?;
        let from = self.source()?;
        let filter = self.where_clause()?;
        let returning = self.returning()?;
        Ok(Delete {
            from,
            filter,
            returning,
        })
    }

    /// `"table"` or `"table"."index"`.
    fn source(&mut self) -> Result<Source> {
        let table = self.name()?;
        let index = if self.eat(Tok::Dot) {
            Some(self.name()?)
        } else {
            None
        };
        Ok(Source { table, index })
    }

    fn where_clause(&mut self) -> Result<Option<super::ast::Expr>> {
        if self.eat_kw("WHERE") {
            Ok(Some(self.expr()?))
        } else {
            Ok(None)
        }
    }

    /// `RETURNING (ALL | MODIFIED) (OLD | NEW) *`.
    fn returning(&mut self) -> Result<Option<Returning>> {
        if !self.eat_kw("RETURNING") {
            return Ok(None);
        }
        let all = if self.eat_kw("ALL") {
            true
        } else if self.eat_kw("MODIFIED") {
            false
        } else {
            return Err(self.error());
        };
        let old = if self.eat_kw("OLD") {
            true
        } else if self.eat_kw("NEW") {
            false
        } else {
            return Err(self.error());
        };
        if !self.eat(Tok::Star) {
            return Err(msg::partiql::returning_without_star());
        }
        Ok(Some(match (all, old) {
            (true, true) => Returning::AllOld,
            (false, true) => Returning::ModifiedOld,
            (true, false) => Returning::AllNew,
            (false, false) => Returning::ModifiedNew,
        }))
    }
}
