use std::sync::Arc;

use ddbmock::limits::MAX_ITEM_BYTES;
use ddbmock::{Engine, Error};
use proptest::prelude::*;
use user_crate::{User, Users};

fn user() -> impl Strategy<Value = User> {
    ("[a-z]{1,8}", "u-[0-9]{1,4}", "\\PC{0,40}", any::<u32>())
        .prop_map(|(team, id, name, age)| User { team, id, name, age })
}

// One runtime and one loaded fixture for all 64 cases; each case runs on a fork of the engine.
#[ddbmock::test(fixtures("tests/fixtures/users.json"), proptest(cases = 64))]
async fn a_stored_user_reads_back(db: Engine, #[strategy(user())] user: User) -> Result<(), Error> {
    let users = Users::new(Arc::new(db));
    users.put(&user).await?;
    assert_eq!(users.get(&user.team, &user.id).await?, Some(user));
    Ok(())
}

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn a_user_over_the_item_limit_is_refused(db: Engine) {
    let users = Users::new(Arc::new(db));
    let name = "x".repeat(MAX_ITEM_BYTES);
    let user = User { team: "core".into(), id: "u-9".into(), name, age: 1 };
    let refused = users.put(&user).await.unwrap_err();
    assert_eq!(refused.message(), "Item size has exceeded the maximum allowed size");
    assert_eq!(users.get("core", "u-9").await, Ok(None));
}
