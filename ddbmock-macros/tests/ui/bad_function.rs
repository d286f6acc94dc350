#[ddbmock::test]
fn not_async(_db: ddbmock::Engine) {}

#[ddbmock::test]
async fn generic<T>(_db: ddbmock::Engine) {}

fn main() {}
