#[ddbmock::test(stores(memory, postgres))]
async fn store(_db: ddbmock::Engine) {}

#[ddbmock::test(stores())]
async fn no_store(_db: ddbmock::Engine) {}

#[ddbmock::test(fixtures(users))]
async fn fixture(_db: ddbmock::Engine) {}

#[ddbmock::test(crate = "not a path")]
async fn krate(_db: ddbmock::Engine) {}

fn main() {}
