use ddbmock::operation::ScanInput;
use ddbmock::pages::DynamoDbExt;
use ddbmock::testing::TestArg;
use ddbmock::{Engine, Error};
use user_crate::Users;

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn the_fixture_is_loaded(db: Engine) -> Result<(), Error> {
    assert_eq!(db.scan_pages(ScanInput::new("users")).all().await?.len(), 3);
    Ok(())
}

// A table definition (`create-table --cli-input-json`), then a `batch-write-item` file.
#[ddbmock::test(fixtures("tests/fixtures/users-table.json", "tests/fixtures/users-batch.json"))]
async fn cli_files_load_in_order(db: Engine) -> Result<(), Error> {
    assert_eq!(db.scan_pages(ScanInput::new("users")).all().await?.len(), 2);
    Ok(())
}

// Your own types as parameters: a newtype here, since `Users` and `TestArg` are both foreign.
struct TestUsers(Users);

impl TestArg for TestUsers {
    fn make(db: &Engine) -> Self {
        TestUsers(Users::new(std::sync::Arc::new(db.clone())))
    }
}

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn a_repository_as_parameter(TestUsers(users): TestUsers) -> Result<(), Error> {
    assert_eq!(users.team("core").await?.len(), 2);
    Ok(())
}
