use ddbmock::Engine;
use proptest::prelude::*;

#[ddbmock::test(proptest(cases = 8))]
async fn nothing_drawn(_db: Engine) {}

#[ddbmock::test(proptest(seed = 1))]
async fn unknown_setting(_db: Engine, #[strategy(any::<u8>())] _n: u8) {}

#[ddbmock::test(proptest(cases = many))]
async fn cases_not_a_number(#[strategy(any::<u8>())] _n: u8) {}

#[ddbmock::test]
async fn no_strategy_given(#[strategy] _n: u8) {}

#[ddbmock::test]
async fn two_strategies(#[strategy(any::<u8>())] #[strategy(Just(1))] _n: u8) {}

#[ddbmock::test]
async fn wrong_value_type(#[strategy(any::<String>())] _n: u8) {}

#[ddbmock::test]
async fn thirteen_drawn(
    #[strategy(Just(1))] _a: i32,
    #[strategy(Just(1))] _b: i32,
    #[strategy(Just(1))] _c: i32,
    #[strategy(Just(1))] _d: i32,
    #[strategy(Just(1))] _e: i32,
    #[strategy(Just(1))] _f: i32,
    #[strategy(Just(1))] _g: i32,
    #[strategy(Just(1))] _h: i32,
    #[strategy(Just(1))] _i: i32,
    #[strategy(Just(1))] _j: i32,
    #[strategy(Just(1))] _k: i32,
    #[strategy(Just(1))] _l: i32,
    #[strategy(Just(1))] _m: i32,
) {
}

fn main() {}
