#[ddbmock::test]
async fn t(_db: ddbmock::Engine, _name: String) {}

fn main() {}
