#[ddbmock::test(memory)]
async fn t(_db: ddbmock::Engine) {}

#[ddbmock::test(fixtures("a.json"), fixtures("b.json"))]
async fn twice(_db: ddbmock::Engine) {}

#[ddbmock::test(sqlite, stores(memory))]
async fn both(_db: ddbmock::Engine) {}

#[ddbmock::test("a.json")]
async fn literal(_db: ddbmock::Engine) {}

fn main() {}
