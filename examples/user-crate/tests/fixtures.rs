use ddbmock::operation::ScanInput;
use ddbmock::pages::scan_all;
use ddbmock::{Engine, Error};

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn the_fixture_is_loaded(db: Engine) -> Result<(), Error> {
    let users = scan_all(&db, ScanInput::new("users")).await?;
    assert_eq!(users.len(), 3);
    Ok(())
}
